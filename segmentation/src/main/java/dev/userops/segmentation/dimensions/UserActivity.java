package dev.userops.segmentation.dimensions;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Checks;

/**
 * What the lifecycle needs of a user's activity: the first active day, the latest, and the latest
 * distinct day before it, as epoch days local to one zone ({@link CalendarIndex#dayIndex}). A pure
 * value: {@link #observe} returns the state after one more active day, in any order.
 *
 * @param firstDay the first active day
 * @param previousDay the latest active day before {@code lastDay}; equal to {@code lastDay} when
 *     the user was active on one day only
 * @param lastDay the latest active day
 */
public record UserActivity(long firstDay, long previousDay, long lastDay) {
  /** Requires {@code firstDay <= previousDay <= lastDay}. */
  public UserActivity {
    Checks.checkArgument(
        firstDay <= previousDay && previousDay <= lastDay,
        "expected firstDay <= previousDay <= lastDay, got %s, %s, %s", firstDay, previousDay, lastDay);
  }

  /** A user active on one day. */
  public static UserActivity of(long day) {
    return new UserActivity(day, day, day);
  }

  /** A user active once, at {@code epochMillis}, with days local to {@code calendar}'s zone. */
  public static UserActivity of(long epochMillis, CalendarIndex calendar) {
    return of(calendar.dayIndex(epochMillis));
  }

  /** This activity plus an active {@code day}. */
  public UserActivity observe(long day) {
    if (day > lastDay) {
      return new UserActivity(firstDay, lastDay, day);
    }
    if (day < lastDay && (day > previousDay || previousDay == lastDay)) {
      return new UserActivity(Math.min(firstDay, day), day, lastDay);
    }
    return day < firstDay ? new UserActivity(day, previousDay, lastDay) : this;
  }

  /** This activity plus an activity at {@code epochMillis}, in {@code calendar}'s zone. */
  public UserActivity observe(long epochMillis, CalendarIndex calendar) {
    return observe(calendar.dayIndex(epochMillis));
  }

  /** Calendar days between the latest active day and the one before it; 0 for one active day. */
  public long gapBeforeLastDays() {
    return lastDay - previousDay;
  }
}
