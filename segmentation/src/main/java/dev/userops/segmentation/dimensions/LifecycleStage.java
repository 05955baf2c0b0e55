package dev.userops.segmentation.dimensions;

/** Where a user is in the lifecycle at {@code asOf}; thresholds are {@link LifecycleRules}. */
public enum LifecycleStage {
  /** First seen fewer than {@code newDays} calendar days ago. */
  NEW,
  /** Active within the last {@code silentDays} days, without a silent spell before. */
  ACTIVE,
  /** Inactive for at least {@code silentDays} days, fewer than {@code lostDays}. */
  SILENT,
  /** Inactive for at least {@code lostDays} days. */
  LOST,
  /** Active within the last {@code silentDays} days, after a gap of at least {@code silentDays}. */
  RETURNING
}
