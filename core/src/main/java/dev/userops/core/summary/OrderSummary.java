package dev.userops.core.summary;

import dev.userops.core.Diagnostics;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * What an order summary found.
 *
 * @param users distinct users with at least one valid order
 * @param orders valid (paid) orders
 * @param revenueMinor sum of valid orders' amounts, in minor units
 * @param cancelledOrders orders with status cancelled (not in {@code orders})
 * @param refundedOrders orders with status fully refunded (not in {@code orders})
 * @param firstOrder local date, in the spec's zone, of the earliest valid order; {@code null} if none
 * @param lastOrder local date, in the spec's zone, of the latest valid order; {@code null} if none
 * @param ordersPerUser how many users placed exactly k valid orders, keyed by k ({@code >= 1}),
 *     ascending; the counts sum to {@code users}
 * @param diagnostics records skipped, by reason
 */
public record OrderSummary(
    long users,
    long orders,
    long revenueMinor,
    long cancelledOrders,
    long refundedOrders,
    LocalDate firstOrder,
    LocalDate lastOrder,
    Map<Integer, Long> ordersPerUser,
    Diagnostics diagnostics) {

  /**
   * Copies the distribution into an unmodifiable map sorted by order count. Counts are not
   * cross-checked; accumulators produce consistent ones.
   *
   * @param users distinct users with at least one valid order
   * @param orders valid (paid) orders
   * @param revenueMinor sum of valid orders' amounts, in minor units
   * @param cancelledOrders orders with status cancelled
   * @param refundedOrders orders with status fully refunded
   * @param firstOrder local date of the earliest valid order, or {@code null} if none
   * @param lastOrder local date of the latest valid order, or {@code null} if none
   * @param ordersPerUser users by their number of valid orders
   * @param diagnostics records skipped, by reason
   * @throws NullPointerException if {@code ordersPerUser}, one of its keys, or {@code
   *     diagnostics} is null
   */
  public OrderSummary {
    Checks.requireNonNull(ordersPerUser, "ordersPerUser");
    Checks.requireNonNull(diagnostics, "diagnostics");
    ordersPerUser = Collections.unmodifiableMap(new TreeMap<>(ordersPerUser));
  }

  /**
   * The summary whose users are those of {@code ordersPerUser}: the one place a summary's user
   * count is derived, for the accumulator and {@link #plus} alike.
   */
  static OrderSummary of(long orders, long revenueMinor, long cancelledOrders, long refundedOrders,
      LocalDate firstOrder, LocalDate lastOrder, Map<Integer, Long> ordersPerUser, Diagnostics diagnostics) {
    long users = 0;
    for (long count : ordersPerUser.values()) {
      users = Math.addExact(users, count);
    }
    return new OrderSummary(users, orders, revenueMinor, cancelledOrders, refundedOrders,
        firstOrder, lastOrder, ordersPerUser, diagnostics);
  }

  /**
   * The summary of this summary's users and {@code other}'s together, when no user is in both: made
   * under one spec over disjoint sets of users (for example one per partition of users), their
   * counts, revenue, {@code ordersPerUser} and diagnostics add, the first and last order dates are
   * the earlier and the later, and {@code users} is counted again from {@code ordersPerUser}, as
   * one accumulator given every user's orders computes it. A user in both would count as two users
   * with their orders split between them. A summary does not name its spec (zone, {@code asOf}), so
   * summaries of different specs cannot be told apart: adding them is the caller's error.
   *
   * @param other a summary of other users, made with the same spec
   * @return the summary of both sets of users
   * @throws NullPointerException if {@code other} is null
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  public OrderSummary plus(OrderSummary other) {
    Checks.requireNonNull(other, "other");
    Map<Integer, Long> distribution = new TreeMap<>(ordersPerUser);
    other.ordersPerUser.forEach((k, users) -> distribution.merge(k, users, Math::addExact));
    return of(
        Math.addExact(orders, other.orders),
        Math.addExact(revenueMinor, other.revenueMinor),
        Math.addExact(cancelledOrders, other.cancelledOrders),
        Math.addExact(refundedOrders, other.refundedOrders),
        either(firstOrder, other.firstOrder, BinaryOperator.minBy(Comparator.naturalOrder())),
        either(lastOrder, other.lastOrder, BinaryOperator.maxBy(Comparator.naturalOrder())),
        distribution,
        diagnostics.plus(other.diagnostics));
  }

  /** The date {@code pick} chooses of the two, or the one that is not {@code null}. */
  private static LocalDate either(LocalDate a, LocalDate b, BinaryOperator<LocalDate> pick) {
    return a == null ? b : b == null ? a : pick.apply(a, b);
  }

  /**
   * Mean valid orders per user.
   *
   * @return {@code orders / users}, {@code >= 1} when there are users; 0 when there are none
   */
  public double meanOrdersPerUser() {
    return users == 0 ? 0 : (double) orders / users;
  }

  /**
   * Users with at least {@code k} valid orders, e.g. {@code k = 2} for repeat buyers.
   *
   * @param k the minimum number of valid orders; {@code k <= 1} counts every user
   * @return the number of such users, 0 if none
   */
  public long usersWithAtLeast(int k) {
    return ordersPerUser.entrySet().stream()
        .filter(e -> e.getKey() >= k)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /**
   * This result as JSON, the form {@code userops summary --json} prints.
   *
   * @return compact JSON
   */
  public String toJson() {
    return Json.write(this);
  }
}
