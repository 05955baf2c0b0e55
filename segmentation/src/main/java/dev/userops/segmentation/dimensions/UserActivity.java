package dev.userops.segmentation.dimensions;

import dev.userops.core.CalendarIndex;
import dev.userops.core.internal.Checks;

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
  /**
   * Requires {@code firstDay <= previousDay <= lastDay}.
   *
   * @param firstDay the first active day, an epoch day
   * @param previousDay the latest active day before {@code lastDay}, or {@code lastDay}
   * @param lastDay the latest active day, an epoch day
   * @throws IllegalArgumentException if the days are out of order
   */
  public UserActivity {
    // Not Checks.checkArgument: its varargs would box three longs on every observed day.
    if (firstDay > previousDay || previousDay > lastDay) {
      throw new IllegalArgumentException("expected firstDay <= previousDay <= lastDay, got " + firstDay + ", "
          + previousDay + ", " + lastDay);
    }
  }

  /**
   * A user active on one day.
   *
   * @param day the active day, an epoch day local to the user's zone
   * @return activity with all three days equal to {@code day}
   */
  public static UserActivity of(long day) {
    return new UserActivity(day, day, day);
  }

  /**
   * A user active once, at {@code epochMillis}, with days local to {@code calendar}'s zone.
   *
   * @param epochMillis when the user was active, epoch milliseconds
   * @param calendar the calendar of the zone days are counted in
   * @return activity on that one local day
   * @throws NullPointerException if {@code calendar} is null
   */
  public static UserActivity of(long epochMillis, CalendarIndex calendar) {
    return of(calendar.dayIndex(epochMillis));
  }

  /**
   * This activity plus an active {@code day}.
   *
   * @param day an active day, an epoch day; may be earlier than days already seen
   * @return the new activity, or this one if {@code day} changes none of the three days (e.g. a
   *     day already seen)
   */
  public UserActivity observe(long day) {
    if (day > lastDay) {
      return new UserActivity(firstDay, lastDay, day);
    }
    if (day < lastDay && (day > previousDay || previousDay == lastDay)) {
      return new UserActivity(Math.min(firstDay, day), day, lastDay);
    }
    return day < firstDay ? new UserActivity(day, previousDay, lastDay) : this;
  }

  /**
   * This activity plus an activity at {@code epochMillis}, in {@code calendar}'s zone.
   *
   * @param epochMillis when the user was active, epoch milliseconds; any order
   * @param calendar the calendar of the zone days are counted in, the same for every call
   * @return the new activity, or this one if that local day changes nothing
   * @throws NullPointerException if {@code calendar} is null
   */
  public UserActivity observe(long epochMillis, CalendarIndex calendar) {
    return observe(calendar.dayIndex(epochMillis));
  }

  /**
   * Calendar days between the latest active day and the one before it.
   *
   * @return {@code lastDay - previousDay}; 0 for one active day
   */
  public long gapBeforeLastDays() {
    return lastDay - previousDay;
  }
}
