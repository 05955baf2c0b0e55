package dev.userops.incentives;

import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.levels.LevelEvent;
import dev.userops.incentives.points.PointsEvent;
import java.time.Instant;
import java.util.List;

/**
 * A paid order, the one record that both the points policy (order rules weigh its lines) and the
 * level policy (growth from its total) consume, so a host builds it once and applies it to both.
 *
 * <p><b>The level multiplier.</b> The points program alone holds the percent per level ({@link
 * dev.userops.incentives.points.PointsProgram#levelMultipliers}); the host passes the user's level
 * id at payment time in {@link #level} (typically {@code levelState.level()} before this order is
 * applied to levels). The level policy ignores {@code level}.
 *
 * @param orderId the host's order id; a second event with the same id is a duplicate
 * @param occurredAt when it was paid
 * @param lines its lines, at least one; their sum is the amount that earns growth
 * @param level the user's level id at payment time, for the points level multiplier, or {@code null}
 *     for none (100%)
 */
public record OrderPaid(String orderId, Instant occurredAt, List<OrderLine> lines, String level)
    implements PointsEvent, LevelEvent {
  /**
   * Checks id, time and lines.
   *
   * @param orderId the host's order id, not blank
   * @param occurredAt when it was paid
   * @param lines its lines, at least one; copied
   * @param level the user's level id, or {@code null} for no multiplier
   * @throws NullPointerException if {@code orderId}, {@code occurredAt}, {@code lines} or a line is
   *     null
   * @throws IllegalArgumentException if {@code orderId} is blank or there are no lines
   */
  public OrderPaid {
    Checks.requireNonBlank(orderId, "orderId");
    Checks.requireNonNull(occurredAt, "occurredAt");
    lines = List.copyOf(Checks.requireNonNull(lines, "lines"));
    Checks.checkArgument(!lines.isEmpty(), "order %s has no lines", orderId);
  }

  /**
   * An order of one line of {@code amountMinor} with no SKU or category.
   *
   * @param orderId the host's order id, not blank
   * @param occurredAt when it was paid
   * @param amountMinor the order total, minor units, {@code >= 0}
   * @param level the user's level id, or {@code null} for no multiplier
   * @return the event
   * @throws NullPointerException if {@code orderId} or {@code occurredAt} is null
   * @throws IllegalArgumentException if {@code orderId} is blank or {@code amountMinor < 0}
   */
  public static OrderPaid of(String orderId, Instant occurredAt, long amountMinor, String level) {
    return new OrderPaid(orderId, occurredAt, List.of(new OrderLine(null, null, amountMinor)), level);
  }

  /**
   * The event of a paid core {@link Order}, as one line of its amount: the bridge from the order
   * records the analytics read to the policies, so a host keeps one order type.
   *
   * @param order a paid order with an amount {@code >= 0}
   * @param level the user's level id, or {@code null} for no multiplier
   * @return the event, with the order's id, time and amount
   * @throws NullPointerException if {@code order} is null
   * @throws IllegalArgumentException if the order is not {@code PAID} or its amount is negative
   */
  public static OrderPaid of(Order order, String level) {
    Checks.checkArgument(order.status() == OrderStatus.PAID,
        "order %s: expected status PAID, got %s", order.orderId(), order.status());
    return of(order.orderId(), order.occurredAt(), order.amountMinor(), level);
  }

  /**
   * This order with the user's level at payment time, for the points level multiplier.
   *
   * @param newLevel the level id, or {@code null} for none
   * @return a copy with {@code level = newLevel}
   */
  public OrderPaid withLevel(String newLevel) {
    return new OrderPaid(orderId, occurredAt, lines, newLevel);
  }

  /**
   * The sum of the lines' amounts: what earns growth value.
   *
   * @return the order total in minor units, {@code >= 0}
   * @throws ArithmeticException if the sum overflows a {@code long}
   */
  public long totalMinor() {
    long total = 0;
    for (OrderLine line : lines) {
      total = Math.addExact(total, line.amountMinor());
    }
    return total;
  }

  /**
   * {@link #occurredAt()} in epoch millis.
   *
   * @return milliseconds since 1970-01-01T00:00:00Z, negative before it
   * @throws ArithmeticException if the instant does not fit a {@code long} of milliseconds
   */
  @Override
  public long atMillis() {
    return occurredAt.toEpochMilli();
  }
}
