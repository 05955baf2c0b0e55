package dev.userops.core;

/**
 * What bulk calculations do with a record that is well-formed but not valid data (a negative
 * amount, a timestamp before 1970 or after {@code asOf}, a duplicate order id, a
 * refund of an unknown order). Chosen by the caller; nothing is ever dropped silently.
 */
public enum BadRecordPolicy {
  /** Throw {@link BadRecordException} naming the record's index and the reason. */
  REJECT,
  /** Skip the record and count it by reason in the result's {@link Diagnostics}. */
  SKIP_AND_COUNT
}
