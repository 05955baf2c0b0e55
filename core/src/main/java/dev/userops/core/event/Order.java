package dev.userops.core.event;

import dev.userops.core.internal.Checks;
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
 * @param salesChannel where the order was placed (e.g. "app", "web", "store"), or {@code null} if
 *     unknown; not the user's acquisition channel, nor a message channel
 */
public record Order(
    String orderId,
    long userId,
    Instant occurredAt,
    long amountMinor,
    OrderStatus status,
    String salesChannel) {

  /**
   * Checks that the id is not blank and that time and status are present. The amount is not
   * checked here: what a negative amount means is up to each calculation's {@link
   * dev.userops.core.BadRecordPolicy}.
   *
   * @param orderId the host's order id, unique per shop
   * @param userId the buyer
   * @param occurredAt when the order was placed, event time
   * @param amountMinor the order total in minor units of the shop's currency
   * @param status paid, cancelled or fully refunded
   * @param salesChannel where the order was placed, or {@code null} if unknown
   * @throws NullPointerException if {@code orderId}, {@code occurredAt} or {@code status} is null
   * @throws IllegalArgumentException if {@code orderId} is blank
   */
  public Order {
    Checks.requireNonBlank(orderId, "orderId");
    Checks.requireNonNull(occurredAt, "occurredAt");
    Checks.requireNonNull(status, "status");
  }

  /**
   * An order with no sales channel.
   *
   * @param orderId the host's order id, unique per shop
   * @param userId the buyer
   * @param occurredAt when the order was placed, event time
   * @param amountMinor the order total in minor units of the shop's currency
   * @param status paid, cancelled or fully refunded
   * @return an order whose {@link #salesChannel()} is {@code null}
   * @throws NullPointerException if {@code orderId}, {@code occurredAt} or {@code status} is null
   * @throws IllegalArgumentException if {@code orderId} is blank
   */
  public static Order of(
      String orderId, long userId, Instant occurredAt, long amountMinor, OrderStatus status) {
    return new Order(orderId, userId, occurredAt, amountMinor, status, null);
  }

  /**
   * {@link #occurredAt} in epoch milliseconds, for the primitive hot paths.
   *
   * @return milliseconds since 1970-01-01T00:00:00Z, negative before it; sub-millisecond precision
   *     is truncated
   * @throws ArithmeticException if the instant does not fit a {@code long} of milliseconds
   */
  public long occurredAtMillis() {
    return occurredAt.toEpochMilli();
  }
}
