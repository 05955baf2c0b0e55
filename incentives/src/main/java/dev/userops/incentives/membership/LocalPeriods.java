package dev.userops.incentives.membership;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;

/**
 * Month and day arithmetic on local date-times of one zone, composed from {@link CalendarIndex}
 * (which owns the zone's offsets, month starts and the DST rule), without allocating in its table
 * range (1900 to 2200).
 */
final class LocalPeriods {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private LocalPeriods() {}

  /**
   * The instant {@code months} calendar months after {@code fromMillis} in local time: the same
   * local time on the same day of the month, clamped to the month's last day (Jan 31 + 1 month is
   * Feb 28 or 29), resolved by {@link CalendarIndex#epochMillisOfLocal} (a time in a DST gap moves
   * to the gap's end; one in an overlap takes its first occurrence).
   */
  static long plusMonths(CalendarIndex calendar, long fromMillis, long months) {
    long local = calendar.localMillis(fromMillis);
    long day = Math.floorDiv(local, MILLIS_PER_DAY);
    long timeOfDay = local - day * MILLIS_PER_DAY;
    long month = CalendarIndex.monthIndexOfDay(day);
    long dayOfMonth = day - calendar.periodStartDay(Granularity.MONTH, month);
    long target = month + months;
    long targetStart = calendar.periodStartDay(Granularity.MONTH, target);
    long targetLength = calendar.periodStartDay(Granularity.MONTH, target + 1) - targetStart;
    return calendar.epochMillisOfLocal((targetStart + Math.min(dayOfMonth, targetLength - 1)) * MILLIS_PER_DAY + timeOfDay);
  }

  /** The instant {@code days} local days after {@code fromMillis}, at the same local time. */
  static long plusDays(CalendarIndex calendar, long fromMillis, long days) {
    return calendar.epochMillisOfLocal(calendar.localMillis(fromMillis) + days * MILLIS_PER_DAY);
  }

  /**
   * The days of a period starting at {@code startMillis} that have begun by {@code atMillis}: day
   * k begins at {@code startMillis}' local time k local days later, so 0 before the start and 1 from
   * the start itself. Monotone in {@code atMillis}, across DST changes too.
   */
  static long daysBegun(CalendarIndex calendar, long startMillis, long atMillis) {
    if (atMillis < startMillis) {
      return 0;
    }
    long localStart = calendar.localMillis(startMillis);
    long k = Math.max(0, Math.floorDiv(calendar.localMillis(atMillis) - localStart, MILLIS_PER_DAY));
    // Local time runs 23 or 25 hours a day across DST changes: step to the exact day.
    while (calendar.epochMillisOfLocal(localStart + (k + 1) * MILLIS_PER_DAY) <= atMillis) {
      k++;
    }
    while (k > 0 && calendar.epochMillisOfLocal(localStart + k * MILLIS_PER_DAY) > atMillis) {
      k--;
    }
    return k + 1;
  }

  /** The days of the period {@code [startMillis, endMillis)}: those that begin before its end. */
  static long days(CalendarIndex calendar, long startMillis, long endMillis) {
    return endMillis <= startMillis ? 0 : daysBegun(calendar, startMillis, endMillis - 1);
  }

  /**
   * The unused part of {@code chargedMinor} paid for {@code [startMillis, endMillis)} at {@code
   * atMillis}: {@code floor(charged × (days - daysBegun) / days)}, exact, in [0, charged].
   *
   * @throws ArithmeticException if {@code charged × days} overflows a {@code long}
   */
  static long unused(CalendarIndex calendar, long chargedMinor, long startMillis, long endMillis, long atMillis) {
    long days = days(calendar, startMillis, endMillis);
    if (days == 0) {
      return 0;
    }
    long used = Math.min(days, daysBegun(calendar, startMillis, atMillis));
    return Math.multiplyExact(chargedMinor, days - used) / days;
  }
}
