package dev.userops.incentives.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.PolicyLaws;
import dev.userops.incentives.OutcomeStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Check-in invariants over random taps in changing zones, with make-ups and double taps. */
class CheckInProperties {
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
      ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"), ZoneId.of("Europe/London"));
  private static final CheckInPolicy POLICY =
      new CheckInProgram(1, List.of(1L, 2L, 3L, 4L, 5L, 6L, 20L), new CheckInProgram.MakeUp(10, 3), null).policy();

  @Property(tries = 200)
  void eachLocalDayRewardsOnceAndStreaksStayConsistent(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int taps) {
    SplittableRandom random = new SplittableRandom(seed);
    List<CheckInEvent> events = new ArrayList<>();
    long t = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < taps; i++) {
      t += random.nextLong(40 * 3_600_000L); // up to 40 h later: double taps, next days, missed days
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      Instant at = Instant.ofEpochMilli(t);
      events.add(random.nextInt(5) == 0
          ? CheckInEvent.makeUp("m" + i, at, zone, LocalDate.ofInstant(at, zone).minusDays(1 + random.nextInt(4)))
          : CheckInEvent.today("t" + i, at, zone));
    }
    List<CheckInOutcome> outcomes = PolicyLaws.of(POLICY.newState(), POLICY::apply, CheckInOutcome::state,
            (CheckInOutcome outcome) -> outcome.effects().stream().map(CheckInOutcome.Effect::key).toList(),
            (CheckInState state) -> CheckInState.fromJson(state.toJson()))
        .check(events, seed);
    CheckInState state = POLICY.newState();
    Set<LocalDate> days = new HashSet<>();
    for (CheckInOutcome outcome : outcomes) {
      if (outcome.status() == OutcomeStatus.APPLIED) {
        CheckInOutcome.Effect effect = outcome.effects().get(0);
        assertThat(days.add(effect.day())).as("one check-in per day: %s", effect.day()).isTrue();
        assertThat(effect.streak()).isBetween(1L, outcome.state().bestStreak());
      } else {
        assertThat(outcome.state()).isSameAs(state);
        assertThat(outcome.effects()).isEmpty();
      }
      state = outcome.state();
      assertThat(state.checkIns()).isEqualTo(days.size());
      for (int r = 1; r < state.runs().size(); r++) {
        assertThat(state.runs().get(r).firstDay()).isGreaterThan(state.runs().get(r - 1).lastDay() + 1);
      }
    }
  }
}
