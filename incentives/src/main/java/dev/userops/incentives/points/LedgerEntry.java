package dev.userops.incentives.points;

import dev.userops.core.internal.Checks;

/**
 * One effect on a user's points. The sum of {@link #available} over all entries is the user's
 * net available balance (negative under a debt), the sum of {@link #pending} the pending balance.
 *
 * @param key deterministic idempotency key: {@code type:source/rule}; store entries under a unique
 *     key and a redelivered event cannot award twice
 * @param type what happened
 * @param source the id of the event (or, for release and expiry, the lot) that caused it
 * @param rule the earn rule, or {@code null} for entries not made by a rule
 * @param atMillis when it took effect, epoch millis
 * @param available signed change of the net available balance
 * @param pending signed change of the pending balance
 * @param note a reason for people (adjustment reason, claw-back shortfall), or {@code null}
 */
public record LedgerEntry(
    String key, EntryType type, String source, String rule, long atMillis, long available, long pending, String note) {

  /**
   * Checks key, type and source.
   *
   * @param key idempotency key, not blank
   * @param type what happened
   * @param source the causing event's or lot's id, not blank
   * @param rule the earn rule, or {@code null}
   * @param atMillis when it took effect, epoch millis
   * @param available signed change of the available balance, in points
   * @param pending signed change of the pending balance, in points
   * @param note a reason for people, or {@code null}
   * @throws NullPointerException if {@code key}, {@code type} or {@code source} is null
   * @throws IllegalArgumentException if {@code key} or {@code source} is blank
   */
  public LedgerEntry {
    Checks.requireNonBlank(key, "key");
    Checks.requireNonNull(type, "type");
    Checks.requireNonBlank(source, "source");
  }

  /** The kinds of ledger entry. */
  public enum EntryType {
    /** Points earned and spendable at once. */
    EARN,
    /** Points earned but locked until the order's return window ends. */
    PEND,
    /** Pending points become spendable ({@code pending < 0}, {@code available > 0}). */
    RELEASE,
    /** Points spent. */
    REDEEM,
    /** Points lost at a lot's expiry. */
    EXPIRE,
    /** Points taken back after a refund. */
    CLAW_BACK,
    /** A manual correction. */
    ADJUST
  }
}
