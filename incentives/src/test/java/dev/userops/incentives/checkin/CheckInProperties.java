package dev.userops.incentives.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.incentives.checkin.CheckInOutcome.Status;
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
    CheckInState state = CheckInState.empty();
    Set<LocalDate> keysDays = new HashSet<>();
    Set<String> keys = new HashSet<>();
    List<CheckInEvent> applied = new ArrayList<>();
    long t = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < taps; i++) {
      t += random.nextLong(40 * 3_600_000L); // up to 40 h later: double taps, next days, missed days
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      Instant at = Instant.ofEpochMilli(t);
      CheckInEvent tap = random.nextInt(5) == 0
          ? CheckInEvent.makeUp("m" + i, at, zone, LocalDate.ofInstant(at, zone).minusDays(1 + random.nextInt(4)))
          : CheckInEvent.today("t" + i, at, zone);
      CheckInOutcome outcome = POLICY.apply(state, tap);
      assertThat(POLICY.apply(CheckInState.fromJson(state.toJson()), tap)).isEqualTo(outcome);
      if (outcome.status() == Status.APPLIED) {
        CheckInOutcome.Effect effect = outcome.effects().get(0);
        assertThat(keys.add(effect.key())).as("one effect per key: %s", effect.key()).isTrue();
        assertThat(keysDays.add(effect.day())).as("one check-in per day: %s", effect.day()).isTrue();
        assertThat(effect.streak()).isBetween(1L, outcome.state().bestStreak());
        applied.add(tap);
      } else {
        assertThat(outcome.state()).isSameAs(state);
        assertThat(outcome.effects()).isEmpty();
      }
      state = outcome.state();
      assertThat(state.checkIns()).isEqualTo(keysDays.size());
      for (int r = 1; r < state.runs().size(); r++) {
        assertThat(state.runs().get(r).firstDay()).isGreaterThan(state.runs().get(r - 1).lastDay() + 1);
      }
      if (!applied.isEmpty()) {
        CheckInEvent again = applied.get(random.nextInt(applied.size()));
        CheckInOutcome replay = POLICY.apply(state, again);
        assertThat(replay.status()).as("replay of %s", again).isNotEqualTo(Status.APPLIED);
        assertThat(replay.state()).isSameAs(state);
      }
    }
  }
}
