package dev.userops.incentives.push;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;

/**
 * Local wall-clock arithmetic over a {@link CalendarIndex} without {@code java.time} objects, for
 * the decision path: period starts and the first instant at which a local time is reached.
 * CalendarIndex gives offsets and indexes; it has no allocation-free "local time to instant", so
 * that lives here.
 */
final class LocalTimes {
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final long MILLIS_PER_MINUTE = 60_000L;

  private LocalTimes() {}

  /** Local epoch millis (wall clock read as if it were UTC) of {@code epochMillis}. */
  static long local(CalendarIndex calendar, long epochMillis) {
    return epochMillis + calendar.offsetMillis(epochMillis);
  }

  /**
   * The first instant at or after {@code fromMillis} whose local time is at or after {@code
   * targetLocal}. Where {@code targetLocal} falls in a DST gap this is the transition (the first
   * instant after the gap); where it repeats, the first occurrence. Assumes at most one offset
   * transition between {@code fromMillis} and the answer (true for any window of a day in every tz
   * zone).
   */
  static long firstInstantAtLocal(CalendarIndex calendar, long fromMillis, long targetLocal) {
    long offset = calendar.offsetMillis(fromMillis);
    if (fromMillis + offset >= targetLocal) {
      return fromMillis;
    }
    long candidate = targetLocal - offset;
    if (calendar.offsetMillis(candidate) == offset) {
      return candidate;
    }
    // A transition lies in (fromMillis, candidate]: find it (the first instant with another offset).
    long lo = fromMillis;
    long hi = candidate;
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (calendar.offsetMillis(mid) == offset) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    long after = calendar.offsetMillis(hi);
    // Gap (clocks forward): the local target may be skipped, so the transition itself reaches it.
    // Overlap (clocks back): targetLocal - after lies after the transition.
    return Math.max(hi, targetLocal - after);
  }

  /** The first local day (epoch day) of the period of {@code granularity} containing {@code day}. */
  static long periodFirstDay(CalendarIndex calendar, Granularity granularity, long day) {
    return switch (granularity) {
      case DAY -> day;
      case WEEK -> day - Math.floorMod(day + weekShift(calendar), 7);
      case MONTH -> day - dayOfMonth(day) + 1;
    };
  }

  /** The first local day of the period after the one containing {@code day}. */
  static long nextPeriodFirstDay(CalendarIndex calendar, Granularity granularity, long day) {
    return switch (granularity) {
      case DAY -> day + 1;
      case WEEK -> periodFirstDay(calendar, granularity, day) + 7;
      case MONTH -> day - dayOfMonth(day) + 1 + daysInMonthOf(day);
    };
  }

  /** The first instant of local day {@code day}: midnight, or the end of a DST gap spanning it. */
  static long dayStartMillis(CalendarIndex calendar, long day, long hintMillis) {
    long midnight = day * MILLIS_PER_DAY;
    long from = Math.min(hintMillis, midnight - 15 * 3_600_000L);
    return firstInstantAtLocal(calendar, from, midnight);
  }

  /** Days to add to an epoch day so that weeks start on a multiple of 7, as CalendarIndex counts. */
  private static int weekShift(CalendarIndex calendar) {
    // 1970-01-01 (epoch day 0) is a Thursday (ISO day 4).
    return Math.floorMod(4 - calendar.weekStart().getValue(), 7);
  }

  /** Day of month (1..31) of an epoch day. */
  static int dayOfMonth(long epochDay) {
    return (int) (civil(epochDay) & 0xFF);
  }

  private static int daysInMonthOf(long epochDay) {
    long civil = civil(epochDay);
    long year = civil >> 16;
    int month = (int) ((civil >> 8) & 0xFF);
    if (month == 2) {
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return leap ? 29 : 28;
    }
    return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
  }

  /**
   * {@code year << 16 | month << 8 | dayOfMonth} of an epoch day, packed so as not to allocate:
   * civil-from-days (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), in a March-based
   * year so that leap days fall at its end.
   */
  private static long civil(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long marchMonth = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * marchMonth + 2) / 5 + 1;
    long month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return year << 16 | month << 8 | day;
  }
}
