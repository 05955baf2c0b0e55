package dev.userops.core;

/**
 * How a window of time is measured: on the local calendar of a zone, or as a fixed length from an
 * instant. Retention intervals and frequency caps (push, points, growth) use the same two modes.
 */
public enum WindowMode {
  /**
   * Calendar periods in the zone: a day, week or month is a local one, so a retention return at
   * 00:01 the next local day is day 1 however late the start was, and a daily cap resets at local
   * midnight.
   */
  CALENDAR,
  /**
   * Fixed-length windows from an instant: for retention, interval k is {@code [start + k·P, start +
   * (k+1)·P)} from the user's own start (24 h or 7 × 24 h; not defined for MONTH, and the cohort is
   * still the calendar period of the start); for a cap, every window of the given length counts.
   */
  ROLLING
}
