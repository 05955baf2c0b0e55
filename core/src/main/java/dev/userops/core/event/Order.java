package dev.userops.core.event;

import dev.userops.core.Checks;
import java.time.Instant;

/**
 * An order as the host exports it.
 *
 * @param orderId the host's order id, unique per shop; source of idempotency keys
 * @param userId the buyer
 * @param occurredAt when the order was placed (event time, not processing time)
 * @param amountMinor the order total in minor units of the shop's one currency (cents, fen); may be
 *     any value here — calculations decide what a negative amount means under their {@link
 *     dev.userops.core.BadRecordPolicy}
 * @param status paid, cancelled or fully refunded
 * @param channel where the order came from (e.g. "app", "web"), or {@code null} if unknown
 */
public record Order(
    String orderId,
    long userId,
    Instant occurredAt,
    long amountMinor,
    OrderStatus status,
    String channel) {

  /** Checks that the id is not blank and that time and status are present. */
  public Order {
    Checks.requireNonBlank(orderId, "orderId");
    Checks.requireNonNull(occurredAt, "occurredAt");
    Checks.requireNonNull(status, "status");
  }

  /** An order with no channel. */
  public static Order of(
      String orderId, long userId, Instant occurredAt, long amountMinor, OrderStatus status) {
    return new Order(orderId, userId, occurredAt, amountMinor, status, null);
  }

  /** {@link #occurredAt} in epoch milliseconds. */
  public long occurredAtMillis() {
    return occurredAt.toEpochMilli();
  }
}
