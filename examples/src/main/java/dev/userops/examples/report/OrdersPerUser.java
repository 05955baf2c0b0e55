package dev.userops.examples.report;

import dev.userops.core.summary.OrderSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The orders-per-user distribution every view of a summary shows, in one bucketing. */
public final class OrdersPerUser {
  /** Lower bounds of the buckets; the last is open-ended. */
  private static final int[] BUCKETS = {1, 2, 3, 4, 6, 11, 21, 51, 101};

  private OrdersPerUser() {}

  /**
   * A range of valid orders per user and the users in it.
   *
   * @param label "1", "4-5" or "101+"
   * @param users users whose valid order count is in the range
   */
  public record Bucket(String label, long users) {}

  /**
   * The orders-per-user distribution in the buckets 1, 2, 3, 4-5, 6-10, 11-20, 21-50, 51-100, 101+,
   * up to the bucket holding the user with the most orders (so gaps below it show as zeros).
   */
  public static List<Bucket> of(OrderSummary summary) {
    long[] users = new long[BUCKETS.length];
    int last = -1;
    for (Map.Entry<Integer, Long> entry : summary.ordersPerUser().entrySet()) {
      int bucket = BUCKETS.length - 1;
      while (entry.getKey() < BUCKETS[bucket]) {
        bucket--;
      }
      users[bucket] += entry.getValue();
      last = Math.max(last, bucket);
    }
    List<Bucket> buckets = new ArrayList<>();
    for (int b = 0; b <= last; b++) {
      String label;
      if (b == BUCKETS.length - 1) {
        label = BUCKETS[b] + "+";
      } else if (BUCKETS[b + 1] - BUCKETS[b] == 1) {
        label = Integer.toString(BUCKETS[b]);
      } else {
        label = BUCKETS[b] + "-" + (BUCKETS[b + 1] - 1);
      }
      buckets.add(new Bucket(label, users[b]));
    }
    return buckets;
  }
}
