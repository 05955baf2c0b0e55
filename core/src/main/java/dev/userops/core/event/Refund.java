package dev.userops.core.event;

import dev.userops.core.internal.Checks;
import java.time.Instant;

/**
 * Money returned against a paid order, in part or in full.
 *
 * @param refundId the host's refund id; source of idempotency keys
 * @param orderId the refunded order
 * @param userId the buyer of that order
 * @param occurredAt when the refund happened
 * @param amountMinor the refunded amount in minor units; calculations treat a negative amount as a
 *     bad record
 */
public record Refund(String refundId, String orderId, long userId, Instant occurredAt, long amountMinor) {

  /**
   * Checks that the ids are not blank and that the time is present. The amount is not checked
   * here: calculations treat a negative amount as a bad record.
   *
   * @param refundId the host's refund id
   * @param orderId the refunded order
   * @param userId the buyer of that order
   * @param occurredAt when the refund happened, event time
   * @param amountMinor the refunded amount in minor units
   * @throws NullPointerException if {@code refundId}, {@code orderId} or {@code occurredAt} is null
   * @throws IllegalArgumentException if {@code refundId} or {@code orderId} is blank
   */
  public Refund {
    Checks.requireNonBlank(refundId, "refundId");
    Checks.requireNonBlank(orderId, "orderId");
    Checks.requireNonNull(occurredAt, "occurredAt");
  }
}
