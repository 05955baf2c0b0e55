package dev.userops.incentives.checkin;

import dev.userops.core.Checks;
import dev.userops.core.UserOpsJson;
import java.util.List;

/**
 * One user's check-in history, as local days (epoch days in the zone of each tap). Keeps the runs
 * of consecutive days that a make-up could still join, the best streak and the count of check-ins.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param runs runs of consecutive checked days, oldest first, disjoint and not adjacent; the last
 *     holds the latest check-in
 * @param bestStreak the longest run ever
 * @param checkIns check-ins ever, make-ups included
 */
public record CheckInState(int version, List<Run> runs, long bestStreak, long checkIns) {
  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  private static final CheckInState EMPTY = new CheckInState(FORMAT_VERSION, List.of(), 0, 0);

  /** Checks the version and counts and copies the runs. */
  public CheckInState {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    runs = List.copyOf(runs);
    Checks.requireNonNegative(bestStreak, "bestStreak");
    Checks.requireNonNegative(checkIns, "checkIns");
  }

  /** A user who never checked in. */
  public static CheckInState empty() {
    return EMPTY;
  }

  /** Reads the JSON form, checking the version. */
  public static CheckInState fromJson(String json) {
    return UserOpsJson.read(json, CheckInState.class);
  }

  /** The JSON form. */
  public String toJson() {
    return UserOpsJson.write(this);
  }

  /** The latest checked local day (epoch day), or {@link Long#MIN_VALUE} if none. */
  public long lastDay() {
    return runs.isEmpty() ? Long.MIN_VALUE : runs.get(runs.size() - 1).lastDay();
  }

  /**
   * The streak alive on local epoch day {@code today}: the run ending today or yesterday, else 0.
   */
  public long streakOn(long today) {
    long last = lastDay();
    return last == today || last == today - 1 ? runs.get(runs.size() - 1).length() : 0;
  }

  /**
   * Consecutive checked local days {@code [firstDay, lastDay]}, as epoch days.
   *
   * @param firstDay first day, inclusive
   * @param lastDay last day, inclusive
   */
  public record Run(long firstDay, long lastDay) {
    /** Requires {@code firstDay <= lastDay}. */
    public Run {
      Checks.checkArgument(firstDay <= lastDay, "run must not end before it starts, got %s..%s", firstDay, lastDay);
    }

    /** Days in the run. */
    public long length() {
      return lastDay - firstDay + 1;
    }
  }
}
