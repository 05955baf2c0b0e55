package dev.userops.incentives.draw;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OrderPaid;
import java.time.Instant;
import java.util.Set;

/**
 * One chance to draw, usually a paid order: its id is the draw's seed (with the draw id and the
 * host's key) and its idempotency key, so a redelivered event draws the same result once.
 *
 * @param eventId the host's id of the event, e.g. the order id; unique per draw
 * @param occurredAt when it happened: decides the limit's calendar period
 * @param amountMinor what the user spent, minor units: checked against the minimum spend and the
 *     guarantee
 * @param tags the user's tags at that moment; only those the program names matter
 */
public record DrawEvent(String eventId, Instant occurredAt, long amountMinor, Set<String> tags) {
  /**
   * Checks the fields and copies the tags.
   *
   * @param eventId not blank
   * @param occurredAt the event's instant
   * @param amountMinor {@code >= 0}
   * @param tags the user's tags, or {@code null} for none
   * @throws NullPointerException if {@code eventId}, {@code occurredAt} or a tag is null
   * @throws IllegalArgumentException if {@code eventId} is blank or {@code amountMinor < 0}
   */
  public DrawEvent {
    Checks.requireNonBlank(eventId, "eventId");
    Checks.requireNonNull(occurredAt, "occurredAt");
    Checks.requireNonNegative(amountMinor, "amountMinor");
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  /**
   * The draw of a paid order: its id, time and total.
   *
   * @param order the paid order
   * @param tags the user's tags, or {@code null} for none
   * @return the event
   * @throws NullPointerException if {@code order} is null
   * @throws ArithmeticException if the order's total overflows
   */
  public static DrawEvent of(OrderPaid order, Set<String> tags) {
    return new DrawEvent(order.orderId(), order.occurredAt(), order.totalMinor(), tags);
  }
}
