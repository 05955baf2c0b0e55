package dev.userops.incentives.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import dev.userops.core.testing.PolicyLaws;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.checkin.CheckInOutcome.Effect;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckInPolicyTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final CheckInProgram WEEKLY =
      new CheckInProgram(1, List.of(5L, 5L, 5L, 5L, 5L, 5L, 30L), new CheckInProgram.MakeUp(20, 3), null);

  /** Applies the taps under the policy laws (state through JSON between taps), returning every outcome. */
  private static List<CheckInOutcome> run(CheckInProgram program, CheckInEvent... taps) {
    CheckInPolicy policy = program.policy();
    return PolicyLaws.of(policy.newState(), policy::apply, CheckInOutcome::state,
            (CheckInOutcome outcome) -> outcome.effects().stream().map(Effect::key).toList(),
            (CheckInState state) -> CheckInState.fromJson(state.toJson()))
        .check(List.of(taps), 1);
  }

  private static CheckInEvent tap(String instant, ZoneId zone) {
    return CheckInEvent.today(instant, Instant.parse(instant), zone);
  }

  private static CheckInOutcome last(List<CheckInOutcome> outcomes) {
    return outcomes.get(outcomes.size() - 1);
  }

  @Test
  void sevenDayCyclePaysTheBonusOnDaySevenThenStartsAgain() {
    List<CheckInEvent> taps = new ArrayList<>();
    for (int d = 1; d <= 8; d++) {
      taps.add(tap(String.format("2026-03-%02dT01:00:00Z", d), SHANGHAI));
    }
    List<CheckInOutcome> outcomes = run(WEEKLY, taps.toArray(CheckInEvent[]::new));
    assertThat(outcomes).extracting(o -> o.effects().get(0).points()).containsExactly(5L, 5L, 5L, 5L, 5L, 5L, 30L, 5L);
    assertThat(last(outcomes).effects().get(0)).isEqualTo(new Effect("checkin:2026-03-08", LocalDate.of(2026, 3, 8), 8, 5));
    assertThat(last(outcomes).state().bestStreak()).isEqualTo(8);
  }

  @Test
  void aDoubleTapIsADuplicateAndAMissedDayRestartsTheStreak() {
    List<CheckInOutcome> outcomes = run(WEEKLY,
        tap("2026-03-01T01:00:00Z", SHANGHAI), tap("2026-03-01T01:00:01Z", SHANGHAI),
        tap("2026-03-02T01:00:00Z", SHANGHAI), tap("2026-03-04T01:00:00Z", SHANGHAI));
    assertThat(outcomes).extracting(CheckInOutcome::status)
        .containsExactly(OutcomeStatus.APPLIED, OutcomeStatus.DUPLICATE, OutcomeStatus.APPLIED, OutcomeStatus.APPLIED);
    assertThat(outcomes.get(1).reason()).isEqualTo("already checked in on 2026-03-01");
    assertThat(last(outcomes).effects().get(0).streak()).isEqualTo(1);
    assertThat(last(outcomes).state().bestStreak()).isEqualTo(2);
  }

  @Test
  void localMidnightDependsOnTheZone() {
    // 15:59Z and 16:00Z are 23:59 and 00:00 in Shanghai: two local days, a streak of 2.
    assertThat(last(run(WEEKLY, tap("2026-03-01T15:59:00Z", SHANGHAI), tap("2026-03-01T16:00:00Z", SHANGHAI)))
        .effects().get(0).streak()).isEqualTo(2);
    // The same instants are one afternoon in New York: a double tap.
    assertThat(last(run(WEEKLY, tap("2026-03-01T15:59:00Z", NEW_YORK), tap("2026-03-01T16:00:00Z", NEW_YORK))).status())
        .isEqualTo(OutcomeStatus.DUPLICATE);
  }

  @Test
  void daysAcrossDstAreCalendarDays() {
    // New York springs forward on 2026-03-08 (a 23-hour day) and falls back on 2026-11-01 (25 hours).
    List<CheckInOutcome> spring = run(WEEKLY, tap("2026-03-08T04:30:00Z", NEW_YORK), // 23:30 on 03-07 (EST)
        tap("2026-03-08T05:30:00Z", NEW_YORK), // 00:30 on 03-08 (EST)
        tap("2026-03-09T03:30:00Z", NEW_YORK)); // 23:30 on 03-08 (EDT): same day as the previous tap
    assertThat(spring).extracting(CheckInOutcome::status).containsExactly(OutcomeStatus.APPLIED, OutcomeStatus.APPLIED, OutcomeStatus.DUPLICATE);
    List<CheckInOutcome> fall = run(WEEKLY, tap("2026-11-01T04:00:00Z", NEW_YORK), // 00:00 on 11-01 (EDT)
        tap("2026-11-02T04:59:00Z", NEW_YORK), // 23:59 on 11-01 (EST): 25 h later, same day
        tap("2026-11-02T05:00:00Z", NEW_YORK)); // 00:00 on 11-02
    assertThat(fall).extracting(CheckInOutcome::status).containsExactly(OutcomeStatus.APPLIED, OutcomeStatus.DUPLICATE, OutcomeStatus.APPLIED);
    assertThat(last(fall).effects().get(0).streak()).isEqualTo(2);
  }

  @Test
  void aUserChangingZoneChecksInByTheNewLocalDay() {
    // Checked in on 03-02 in Shanghai (00:30 local), then flies to New York where it is still 03-01.
    List<CheckInOutcome> west = run(WEEKLY, tap("2026-03-01T16:30:00Z", SHANGHAI), tap("2026-03-01T20:00:00Z", NEW_YORK));
    assertThat(last(west).status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(last(west).reason()).isEqualTo("local day 2026-03-01 is before the latest check-in 2026-03-02");
    // New York on 03-01 evening, then Shanghai where it is already 03-03: 03-02 was missed.
    List<CheckInOutcome> east = run(WEEKLY, tap("2026-03-01T23:00:00Z", NEW_YORK), tap("2026-03-02T17:00:00Z", SHANGHAI));
    assertThat(last(east).effects().get(0)).isEqualTo(new Effect("checkin:2026-03-03", LocalDate.of(2026, 3, 3), 1, 5));
  }

  @Test
  void aMakeUpJoinsTheRunsAndCostsPoints() {
    CheckInEvent makeUp = CheckInEvent.makeUp("m", Instant.parse("2026-03-04T02:00:00Z"), SHANGHAI, LocalDate.of(2026, 3, 3));
    List<CheckInOutcome> outcomes = run(WEEKLY, tap("2026-03-01T01:00:00Z", SHANGHAI), tap("2026-03-02T01:00:00Z", SHANGHAI),
        tap("2026-03-04T01:00:00Z", SHANGHAI), makeUp, makeUp, tap("2026-03-05T01:00:00Z", SHANGHAI));
    assertThat(outcomes.get(3).effects()).containsExactly(new Effect("makeup:2026-03-03", LocalDate.of(2026, 3, 3), 4, -20));
    assertThat(outcomes.get(4).status()).isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(last(outcomes).effects().get(0).streak()).isEqualTo(5);
    assertThat(last(outcomes).state().streakOn(LocalDate.of(2026, 3, 6).toEpochDay())).isEqualTo(5);
    assertThat(last(outcomes).state().streakOn(LocalDate.of(2026, 3, 7).toEpochDay())).isZero();

    CheckInEvent tooOld = CheckInEvent.makeUp("m2", Instant.parse("2026-03-10T02:00:00Z"), SHANGHAI, LocalDate.of(2026, 3, 6));
    assertThat(WEEKLY.policy().apply(last(outcomes).state(), tooOld).reason())
        .isEqualTo("make-up day 2026-03-06 must be within 3 days before 2026-03-10");
    CheckInProgram noMakeUp = new CheckInProgram(1, List.of(1L), null, null);
    assertThat(noMakeUp.policy().apply(noMakeUp.policy().newState(), makeUp).status()).isEqualTo(OutcomeStatus.REJECTED);
  }

  @Test
  void monthlyResetStartsANewStreakOnTheFirst() {
    CheckInProgram monthly = new CheckInProgram(1, List.of(1L, 2L, 3L), null, CheckInProgram.Reset.MISSED_DAY_OR_NEW_MONTH);
    List<CheckInOutcome> outcomes = run(monthly, tap("2026-03-30T01:00:00Z", SHANGHAI), tap("2026-03-31T01:00:00Z", SHANGHAI),
        tap("2026-04-01T01:00:00Z", SHANGHAI));
    assertThat(outcomes).extracting(o -> o.effects().get(0).streak()).containsExactly(1L, 2L, 1L);
  }

  @Test
  void programJsonRoundTripsAndNamesBadFields() {
    assertThat(CheckInProgram.fromJson(WEEKLY.toJson())).isEqualTo(WEEKLY);
    assertThatThrownBy(() -> CheckInProgram.fromJson("{\"version\":1,\"rewards\":[5],\"makeUp\":{\"costPoints\":5,\"maxDaysBack\":0}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("makeUp: maxDaysBack must be in [1, 31], got 0");
  }
}
