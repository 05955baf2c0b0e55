package dev.userops.retention.cohort;

/** When a user counts as returned in a column of the matrix. */
public enum ReturnMode {
  /** Returned in the column's interval (for a bracket: in any interval of the bracket). */
  ON,
  /**
   * Returned in the column's interval or any later one, unbounded: a user counts in every column up
   * to the one holding their last return, also when that return lies beyond the last column.
   */
  ON_OR_AFTER
}
