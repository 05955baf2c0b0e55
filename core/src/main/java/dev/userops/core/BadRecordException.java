package dev.userops.core;

import dev.userops.core.internal.Checks;

/**
 * A bad data record met under {@link BadRecordPolicy#REJECT}. The message names the record's index
 * (0-based, in the order the caller fed records), the reason and the detail, e.g. {@code record 17:
 * NEGATIVE_AMOUNT: amountMinor must be >= 0, got -500}.
 */
public final class BadRecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The 0-based index of the record in the caller's input order. */
  private final long recordIndex;
  /** Why the record is bad; never null. */
  private final BadRecordReason reason;
  /** The field, the value and the rule broken. */
  private final String detail;

  /**
   * A rejection of record {@code recordIndex} for {@code reason}, explained by {@code detail}.
   *
   * @param recordIndex the 0-based index of the record in the order the caller fed records
   * @param reason why the record is bad
   * @param detail the field, the value and the rule broken, e.g. {@code amountMinor must be >= 0,
   *     got -500}
   * @throws NullPointerException if {@code reason} is null
   */
  public BadRecordException(long recordIndex, BadRecordReason reason, String detail) {
    super("record " + recordIndex + ": " + reason + ": " + detail);
    this.recordIndex = recordIndex;
    this.reason = Checks.requireNonNull(reason, "reason");
    this.detail = detail;
  }

  /**
   * The field, the value and the rule broken, without index and reason; for callers that know the
   * record by another name (a file and line).
   *
   * @return the detail as given to the constructor
   */
  public String detail() {
    return detail;
  }

  /**
   * The 0-based index of the record in the caller's input order.
   *
   * @return the index, {@code >= 0} when reported by a library calculation
   */
  public long recordIndex() {
    return recordIndex;
  }

  /**
   * Why the record is bad.
   *
   * @return the reason; never null
   */
  public BadRecordReason reason() {
    return reason;
  }
}
