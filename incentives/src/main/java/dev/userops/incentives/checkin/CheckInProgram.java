package dev.userops.incentives.checkin;

import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.util.List;

/**
 * A daily check-in program: one check-in per local day in the user's zone, a reward schedule that
 * cycles with the streak, optional make-up check-ins for missed days at a points cost, and when a
 * streak restarts. Immutable; JSON via {@link #fromJson} and {@link #toJson}.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param rewards points for streak day 1, 2, … n of a cycle; day n+1 starts the cycle again
 *     (e.g. {@code [5,5,5,5,5,5,30]}: a day-7 bonus every week of streak)
 * @param makeUp make-up check-ins, or {@code null} for none
 * @param reset when a streak restarts besides a missed day
 */
public record CheckInProgram(int version, List<Long> rewards, MakeUp makeUp, Reset reset) {
  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Checks the version and rewards.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param rewards points per streak day of a cycle, 1 to 366 values, each {@code >= 0}; copied
   * @param makeUp make-up check-ins, or {@code null} for none
   * @param reset when a streak restarts, or {@code null} for {@link Reset#MISSED_DAY}
   * @throws NullPointerException if {@code rewards} or a reward is null
   * @throws IllegalArgumentException if the version is not {@value #FORMAT_VERSION}, or rewards
   *     are empty, too many or negative
   */
  public CheckInProgram {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    rewards = List.copyOf(Checks.requireNonNull(rewards, "rewards"));
    Checks.checkArgument(!rewards.isEmpty() && rewards.size() <= 366, "rewards must have 1 to 366 days, got %s", rewards.size());
    for (int i = 0; i < rewards.size(); i++) {
      Checks.requireNonNegative(rewards.get(i), "rewards[" + i + "]");
    }
    reset = reset == null ? Reset.MISSED_DAY : reset;
  }

  /**
   * Reads a program from JSON.
   *
   * @param json the JSON form; {@code version} and {@code rewards} are required
   * @return the program
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path
   */
  public static CheckInProgram fromJson(String json) {
    return Json.read(json, CheckInProgram.class);
  }

  /**
   * The JSON form.
   *
   * @return compact JSON, read back by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The policy of this program.
   *
   * @return a new policy; policies of equal programs behave identically
   */
  public CheckInPolicy policy() {
    return new CheckInPolicy(this);
  }

  /**
   * The reward of the {@code streakDay}-th consecutive day (1-based).
   *
   * @param streakDay the day of the streak, {@code >= 1}; day n+1 of an n-day schedule is day 1
   *     again
   * @return the reward in points, {@code >= 0}
   * @throws IllegalArgumentException if {@code streakDay < 1}
   */
  public long rewardOfStreakDay(long streakDay) {
    Checks.requirePositive(streakDay, "streakDay");
    return rewards.get((int) ((streakDay - 1) % rewards.size()));
  }

  /**
   * Make-up check-ins.
   *
   * @param costPoints points the user pays per make-up (the host redeems them; see {@link
   *     CheckInPolicy})
   * @param maxDaysBack how far back a missed day may be made up: 1 = yesterday only
   */
  public record MakeUp(long costPoints, int maxDaysBack) {
    /**
     * Checks cost and window.
     *
     * @param costPoints points per make-up, {@code >= 0}
     * @param maxDaysBack days back a missed day may be made up, in [1, 31]
     * @throws IllegalArgumentException if a value is out of range
     */
    public MakeUp {
      Checks.requireNonNegative(costPoints, "costPoints");
      Checks.requireInRange(maxDaysBack, 1, 31, "maxDaysBack");
    }
  }

  /** When a streak restarts. */
  public enum Reset {
    /** A day without a check-in (not made up) restarts the streak. */
    MISSED_DAY,
    /** As {@link #MISSED_DAY}, and the first day of each calendar month starts a new streak. */
    MISSED_DAY_OR_NEW_MONTH
  }
}
