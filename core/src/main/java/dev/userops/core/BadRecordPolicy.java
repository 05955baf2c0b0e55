package dev.userops.core;

/**
 * What bulk calculations and input readers do with a bad record: one that is not valid data (a
 * negative amount, a timestamp before 1970 or after {@code asOf}, a duplicate order id, a refund of
 * an unknown order) or cannot be read at all (a malformed amount, timestamp or encoding, a row of
 * the wrong width); see {@link BadRecordReason}. Chosen by the caller; nothing is ever dropped
 * silently, replaced or guessed.
 */
public enum BadRecordPolicy {
  /** Throw {@link BadRecordException} naming the record's index and the reason. */
  REJECT,
  /** Skip the record and count it by reason in the result's {@link Diagnostics}. */
  SKIP_AND_COUNT
}
