package dev.userops.core;

/**
 * Why a record was not used; the keys of {@link Diagnostics}. One vocabulary for every module.
 * Persisted forms and JSON name reasons, so reasons are only ever added, never renamed or removed.
 */
public enum BadRecordReason {
  /** An order (of any status) or a refund with an amount below zero. */
  NEGATIVE_AMOUNT,
  /** A timestamp before 1970-01-01T00:00:00Z. */
  BEFORE_1970,
  /** A timestamp after the calculation's {@code asOf}. */
  AFTER_AS_OF,
  /** An order id seen before in the same input. */
  DUPLICATE_ORDER_ID,
  /** A refund whose order id is not in the input. */
  REFUND_OF_UNKNOWN_ORDER,
  /** A refund of an order that is cancelled or already refunded by status. */
  REFUND_OF_UNPAID_ORDER,
  /** A refund that would take an order's refunds above its amount. */
  REFUND_EXCEEDS_ORDER,
  /**
   * A record that cannot be read as what it should be: malformed JSON, a document over the {@code
   * UserOpsJson} limits, or the wrong shape (e.g. a profile that is not an object or has no userId).
   */
  MALFORMED_RECORD,
  /**
   * A row whose bytes are not valid UTF-8 (a stray Latin-1 byte, a truncated or overlong sequence,
   * an encoded surrogate). Never decoded with replacement characters: two ids that differ only in
   * their bad bytes would become one.
   */
  MALFORMED_ENCODING,
  /** A row with more or fewer fields than the header names, such as a truncated line. */
  WRONG_FIELD_COUNT,
  /**
   * A row whose id (a user id, an order id, an event name) is empty once surrounding whitespace is
   * trimmed.
   */
  EMPTY_ID,
  /**
   * A timestamp that is not in an accepted form or not a date of the calendar, such as {@code
   * 2024-02-30} or {@code 01/03/2024}.
   */
  MALFORMED_TIMESTAMP,
  /**
   * An amount (or a count) that is not a plain decimal with at most the currency's fraction digits,
   * such as {@code 1,000.00}, {@code 1e3} or {@code 12.345} in a currency with 2; never rounded.
   */
  MALFORMED_AMOUNT,
  /** An order status that is not one of the known ones ({@code paid, cancelled, refunded}). */
  MALFORMED_STATUS
}
