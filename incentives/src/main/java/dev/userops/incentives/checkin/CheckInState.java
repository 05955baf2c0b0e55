package dev.userops.incentives.checkin;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
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

  static final CheckInState EMPTY = new CheckInState(FORMAT_VERSION, List.of(), 0, 0);

  /**
   * Checks the version and counts and copies the runs. The runs' order and spacing are not
   * checked; policies produce valid ones.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param runs runs of consecutive checked days, oldest first
   * @param bestStreak the longest run ever, {@code >= 0}
   * @param checkIns check-ins ever, {@code >= 0}
   * @throws NullPointerException if {@code runs} or a run is null
   * @throws IllegalArgumentException if the version is not {@value #FORMAT_VERSION} or a count is
   *     negative
   */
  public CheckInState {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    runs = List.copyOf(runs);
    Checks.requireNonNegative(bestStreak, "bestStreak");
    Checks.requireNonNegative(checkIns, "checkIns");
  }

  /**
   * Reads the JSON form, checking the version.
   *
   * @param json the JSON form as {@link #toJson()} writes it
   * @return the state
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path, also for another version
   */
  public static CheckInState fromJson(String json) {
    return Json.read(json, CheckInState.class);
  }

  /**
   * The JSON form.
   *
   * @return compact JSON with the version, read back by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The latest checked local day.
   *
   * @return its epoch day, or {@link Long#MIN_VALUE} if the user never checked in
   */
  public long lastDay() {
    return runs.isEmpty() ? Long.MIN_VALUE : runs.get(runs.size() - 1).lastDay();
  }

  /**
   * The streak alive on local epoch day {@code today}: the run ending today or yesterday, else 0.
   *
   * @param today the local day as an epoch day, in the user's current zone
   * @return the streak in days; 0 if the latest check-in is neither today nor yesterday
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
    /**
     * Requires {@code firstDay <= lastDay}.
     *
     * @param firstDay first day, inclusive, an epoch day
     * @param lastDay last day, inclusive, an epoch day
     * @throws IllegalArgumentException if {@code lastDay < firstDay}
     */
    public Run {
      Checks.checkArgument(firstDay <= lastDay, "run must not end before it starts, got %s..%s", firstDay, lastDay);
    }

    /**
     * Days in the run.
     *
     * @return {@code lastDay - firstDay + 1}, {@code >= 1}
     */
    public long length() {
      return lastDay - firstDay + 1;
    }
  }
}
