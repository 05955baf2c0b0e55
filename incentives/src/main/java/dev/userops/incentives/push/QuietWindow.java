package dev.userops.incentives.push;

import dev.userops.core.CalendarIndex;
import dev.userops.incentives.push.PushProgram.QuietHours;

/**
 * Quiet hours compiled to local milliseconds of the day: whether an instant is quiet in a zone,
 * and the first instant after a quiet window, DST-correct through {@link CalendarIndex}.
 */
final class QuietWindow {
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final long MILLIS_PER_MINUTE = 60_000L;

  private final boolean active;
  /** First quiet millisecond of the local day. */
  private final long startMillis;
  /** First millisecond after the last quiet minute: both boundary minutes are inside. */
  private final long endMillis;
  /** The last quiet minute of the day. */
  private final int endMinute;

  QuietWindow(QuietHours hours) {
    this.active = hours != null;
    this.endMinute = active ? minuteOfDay(hours.end().getHour(), hours.end().getMinute()) : 0;
    this.startMillis = active ? minuteOfDay(hours.start().getHour(), hours.start().getMinute()) * MILLIS_PER_MINUTE : 0;
    this.endMillis = (endMinute + 1) * MILLIS_PER_MINUTE;
  }

  static int minuteOfDay(int hour, int minute) {
    return hour * 60 + minute;
  }

  /** Whether the program has quiet hours at all. */
  boolean active() {
    return active;
  }

  /** Whether {@code epochMillis} is in quiet hours in the calendar's zone. */
  boolean isQuiet(CalendarIndex calendar, long epochMillis) {
    return active && isQuietTimeOfDay(Math.floorMod(calendar.localMillis(epochMillis), MILLIS_PER_DAY));
  }

  /** Whether local time of day {@code millisOfDay} (in [0, 1 day)) is inside quiet hours. */
  boolean isQuietTimeOfDay(long millisOfDay) {
    return startMillis < endMillis
        ? millisOfDay >= startMillis && millisOfDay < endMillis
        : millisOfDay >= startMillis || millisOfDay < endMillis;
  }

  /**
   * The first instant after {@code epochMillis} outside quiet hours. Usually the minute after the
   * window's last; where DST skips the local minutes outside the window, the next window's end.
   */
  long end(CalendarIndex calendar, long epochMillis) {
    long at = epochMillis;
    do {
      long local = calendar.localMillis(at);
      long dayStart = Math.floorDiv(local, MILLIS_PER_DAY) * MILLIS_PER_DAY;
      int minute = (int) ((local - dayStart) / MILLIS_PER_MINUTE);
      long target = dayStart + endMillis + (minute > endMinute ? MILLIS_PER_DAY : 0);
      at = calendar.nextEpochMillisOfLocal(at, target);
    } while (isQuiet(calendar, at));
    return at;
  }
}
