package dev.userops.retention.cohort;

/** How intervals after the start are measured. */
public enum WindowMode {
  /**
   * Calendar periods in the spec's zone: interval k is the k-th period after the start period, so a
   * return at 00:01 the next local day is day 1 however late the start was.
   */
  CALENDAR,
  /**
   * Windows of 24 h (DAY) or 7 × 24 h (WEEK) from the user's own start instant: interval k is
   * {@code [start + k·P, start + (k+1)·P)}, so a return exactly 24 h after the start is day 1. The
   * cohort is still the calendar period of the start in the zone. Not defined for MONTH.
   */
  ROLLING
}
