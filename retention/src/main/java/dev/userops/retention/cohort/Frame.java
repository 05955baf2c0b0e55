package dev.userops.retention.cohort;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;

/** What a spec fixes for its engines, derived once per accumulator: calendar, range and sizes. */
final class Frame {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  final Granularity granularity;
  final CalendarIndex calendar;
  /** Period index of the first cohort. */
  final long firstCohort;
  /** Cohort periods in the range. */
  final int cohorts;
  /** Intervals after the start the columns cover, at most {@link RetentionSpec#MAX_SPAN}. */
  final int span;
  /** Length of a rolling interval in millis (24 h or 7 × 24 h). */
  final long rollingMillis;
  final long asOfMillis;

  Frame(RetentionSpec spec) {
    this.granularity = spec.granularity();
    this.calendar = CalendarIndex.of(spec.zone(), spec.weekStart());
    this.firstCohort = calendar.indexOf(granularity, spec.from());
    this.cohorts = (int) (calendar.indexOf(granularity, spec.to()) - firstCohort + 1);
    this.span = spec.spanIntervals();
    this.rollingMillis = granularity == Granularity.WEEK ? 7 * MILLIS_PER_DAY : MILLIS_PER_DAY;
    this.asOfMillis = spec.asOf().toEpochMilli();
  }

  /** The calendar period index of {@code epochMillis}. */
  long period(long epochMillis) {
    return calendar.index(granularity, epochMillis);
  }

  /**
   * The interval bit of a return {@code interval} periods after the start, for the masks engines
   * hand to {@link Tally#add}: bit k for k in 0..62, bit 63 for 63 and later.
   */
  static long bit(long interval) {
    return interval >= 63 ? Long.MIN_VALUE : 1L << interval;
  }
}
