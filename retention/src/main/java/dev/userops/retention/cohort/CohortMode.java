package dev.userops.retention.cohort;

/** Which start events put a user into a cohort. */
public enum CohortMode {
  /**
   * The user's first start event only. A user whose first start event lies before the cohort range
   * is excluded, never moved into the range by a later start event.
   */
  FIRST_TIME,
  /** Every period in which the user did a start event: one user may be in several cohorts. */
  RECURRING
}
