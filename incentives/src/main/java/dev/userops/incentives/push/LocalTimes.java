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
    return calendar.periodStartDay(granularity, calendar.indexOfDay(granularity, day));
  }

  /** The first local day of the period after the one containing {@code day}. */
  static long nextPeriodFirstDay(CalendarIndex calendar, Granularity granularity, long day) {
    return calendar.periodStartDay(granularity, calendar.indexOfDay(granularity, day) + 1);
  }

  /** The first instant of local day {@code day}: midnight, or the end of a DST gap spanning it. */
  static long dayStartMillis(CalendarIndex calendar, long day, long hintMillis) {
    long midnight = day * MILLIS_PER_DAY;
    long from = Math.min(hintMillis, midnight - 15 * 3_600_000L);
    return firstInstantAtLocal(calendar, from, midnight);
  }
}
