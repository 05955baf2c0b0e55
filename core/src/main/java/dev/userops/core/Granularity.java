package dev.userops.core;

/** The calendar period an analysis counts in; periods are local to a {@link java.time.ZoneId}. */
public enum Granularity {
  /** A local calendar day: midnight to midnight, 23 or 25 hours long on DST change days. */
  DAY,
  /** Seven local calendar days starting on the configured first day of the week. */
  WEEK,
  /** A local calendar month. */
  MONTH
}
