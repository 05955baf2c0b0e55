package dev.userops.core;

/** Why a record was not used; the keys of {@link Diagnostics}. One vocabulary for every module. */
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
  MALFORMED_RECORD
}
