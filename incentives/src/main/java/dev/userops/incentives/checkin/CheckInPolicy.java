package dev.userops.incentives.checkin;

import dev.userops.core.CalendarIndex;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.checkin.CheckInOutcome.Effect;
import dev.userops.incentives.checkin.CheckInState.Run;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link CheckInProgram}: {@code apply(state, tap)} gives the new state and the reward
 * (or make-up cost) to hand to the points policy. Pure; reads no clock.
 *
 * <p>The local day of a tap is its instant in the tap's zone, so the same instant can be a different
 * day for a user who changed zone. A tap on a day already checked is a {@link OutcomeStatus#DUPLICATE}
 * (double taps, redelivery); a tap on a local day before the latest check-in (after moving west
 * across the date line, say) is {@link OutcomeStatus#REJECTED}. Days across DST changes are calendar
 * days. A tap on a day more than {@code maxDaysBack + 1} days before the latest check-in is
 * rejected: the state no longer holds the runs that far back (a redelivered old tap). A make-up check-in may fill a missed day at most {@link CheckInProgram.MakeUp#maxDaysBack}
 * days before today, joining the runs on either side; it earns no reward, and its cost must be
 * redeemed by the host (e.g. as a points redemption keyed by the effect's key) before the make-up
 * is persisted — a host that cannot redeem the cost drops the outcome.
 *
 * <p>Looks up the tap zone's {@link CalendarIndex} in core's per-zone cache on every tap.
 */
public final class CheckInPolicy {
  private final CheckInProgram program;

  CheckInPolicy(CheckInProgram program) {
    this.program = Checks.requireNonNull(program, "program");
  }

  /**
   * The program applied.
   *
   * @return the program this policy was made from
   */
  public CheckInProgram program() {
    return program;
  }

  /**
   * The state of a user who has never checked in.
   *
   * @return the shared empty state: no runs, zero counts
   */
  public CheckInState newState() {
    return CheckInState.EMPTY;
  }

  /**
   * Applies {@code tap} to {@code state}.
   *
   * @param state the user's state as last persisted; {@link #newState()} for a new user
   * @param tap the tap
   * @return applied with the new state and one effect, or a duplicate or rejection with the input
   *     state, a reason and no effect
   * @throws NullPointerException if an argument is null
   */
  public CheckInOutcome apply(CheckInState state, CheckInEvent tap) {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(tap, "tap");
    long today = CalendarIndex.of(tap.zone()).dayIndex(tap.occurredAt().toEpochMilli());
    long day = tap.makeUpDay() == null ? today : tap.makeUpDay().toEpochDay();
    if (isChecked(state, day)) {
      return unchanged(state, OutcomeStatus.DUPLICATE, "already checked in on " + LocalDate.ofEpochDay(day));
    }
    if (state.lastDay() != Long.MIN_VALUE && day < state.lastDay() - memoryDays()) {
      return unchanged(state, OutcomeStatus.REJECTED, "local day " + LocalDate.ofEpochDay(day)
          + " is older than the days remembered before the latest check-in " + LocalDate.ofEpochDay(state.lastDay()));
    }
    if (tap.makeUpDay() == null && day < state.lastDay()) {
      return unchanged(state, OutcomeStatus.REJECTED, "local day " + LocalDate.ofEpochDay(day)
          + " is before the latest check-in " + LocalDate.ofEpochDay(state.lastDay()));
    }
    if (tap.makeUpDay() != null) {
      String problem = makeUpProblem(today, day);
      if (problem != null) {
        return unchanged(state, OutcomeStatus.REJECTED, problem);
      }
    }
    List<Run> runs = insert(state.runs(), day);
    Run run = runs.stream().filter(r -> r.firstDay() <= day && day <= r.lastDay()).findFirst().orElseThrow();
    long best = Math.max(state.bestStreak(), run.length());
    long lastDay = runs.get(runs.size() - 1).lastDay();
    CheckInState next =
        new CheckInState(CheckInState.FORMAT_VERSION, forget(runs, lastDay - memoryDays()), best, state.checkIns() + 1);
    LocalDate date = LocalDate.ofEpochDay(day);
    Effect effect = tap.makeUpDay() == null
        ? new Effect("checkin:" + date, date, run.length(), program.rewardOfStreakDay(day - run.firstDay() + 1))
        : new Effect("makeup:" + date, date, run.length(), -program.makeUp().costPoints());
    return new CheckInOutcome(next, OutcomeStatus.APPLIED, null, List.of(effect));
  }

  /**
   * Days before the latest check-in whose runs the state keeps: a make-up may join a run that ended
   * the day before it, at most {@code maxDaysBack + 1} days before today.
   */
  private long memoryDays() {
    return program.makeUp() == null ? 1 : program.makeUp().maxDaysBack() + 1L;
  }

  private String makeUpProblem(long today, long day) {
    if (program.makeUp() == null) {
      return "make-up check-ins are not offered";
    }
    if (day >= today || day < today - program.makeUp().maxDaysBack()) {
      return "make-up day " + LocalDate.ofEpochDay(day) + " must be within " + program.makeUp().maxDaysBack()
          + " days before " + LocalDate.ofEpochDay(today);
    }
    return null;
  }

  private static CheckInOutcome unchanged(CheckInState state, OutcomeStatus status, String reason) {
    return new CheckInOutcome(state, status, reason, List.of());
  }

  private static boolean isChecked(CheckInState state, long day) {
    for (Run run : state.runs()) {
      if (run.firstDay() <= day && day <= run.lastDay()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a streak continues from {@code day} to {@code day + 1}. */
  private boolean continues(long day) {
    return program.reset() == CheckInProgram.Reset.MISSED_DAY
        || CalendarIndex.monthIndexOfDay(day) == CalendarIndex.monthIndexOfDay(day + 1);
  }

  /** {@code runs} with {@code day} added, merged with the runs it continues or is continued by. */
  private List<Run> insert(List<Run> runs, long day) {
    List<Run> result = new ArrayList<>(runs.size() + 1);
    long first = day;
    long last = day;
    for (Run run : runs) {
      if (run.lastDay() == day - 1 && continues(day - 1)) {
        first = run.firstDay();
      } else if (run.firstDay() == day + 1 && continues(day)) {
        last = run.lastDay();
      } else {
        result.add(run);
      }
    }
    result.add(new Run(first, last));
    result.sort((a, b) -> Long.compare(a.firstDay(), b.firstDay()));
    return result;
  }

  /** Drops runs that ended before {@code horizon}, except the latest, which holds the streak. */
  private static List<Run> forget(List<Run> runs, long horizon) {
    List<Run> kept = new ArrayList<>(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      if (runs.get(i).lastDay() >= horizon || i == runs.size() - 1) {
        kept.add(runs.get(i));
      }
    }
    return kept;
  }
}
