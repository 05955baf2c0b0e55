package dev.userops.core.summary;

import dev.userops.core.Diagnostics;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

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
