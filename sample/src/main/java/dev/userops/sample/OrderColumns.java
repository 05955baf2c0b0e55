package dev.userops.sample;

import dev.userops.core.event.OrderStatus;

/**
 * All orders of a {@link SyntheticShop} as parallel primitive arrays, for benchmarks: row {@code
 * i} is order {@code i} in the chosen {@link Layout}. The accessors return the arrays themselves,
 * not copies, so a benchmark can index them directly; do not modify them.
 */
public final class OrderColumns {
  /** Row order. */
  public enum Layout {
    /** As {@link SyntheticShop#forEachOrder} visits them: by user id, each user's in time order. */
    BY_USER,
    /**
     * A seeded random permutation of {@link #BY_USER} (Fisher–Yates from the shop's seed), as
     * events arrive from many users at once.
     */
    SHUFFLED
  }

  /** Distinct from the per-user streams' indexes, which are non-negative. */
  private static final long SHUFFLE_INDEX = -2;

  private final long[] userIds;
  private final long[] epochMillis;
  private final long[] amountMinor;
  private final OrderStatus[] statuses;

  private OrderColumns(int size) {
    this.userIds = new long[size];
    this.epochMillis = new long[size];
    this.amountMinor = new long[size];
    this.statuses = new OrderStatus[size];
  }

  static OrderColumns of(SyntheticShop shop, Layout layout) {
    long count = shop.orderCount();
    // Some JVMs reserve a few header words in arrays.
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "orders must be <= " + (Integer.MAX_VALUE - 8) + " for columns, got " + count);
    }
    OrderColumns columns = new OrderColumns((int) count);
    columns.fill(shop);
    if (layout == Layout.SHUFFLED) {
      columns.shuffle(shop.config().seed());
    }
    return columns;
  }

  private void fill(SyntheticShop shop) {
    int[] row = {0};
    shop.forEachOrder(
        (userId, orderSeq, millis, amount, status) -> {
          int i = row[0]++;
          userIds[i] = userId;
          epochMillis[i] = millis;
          amountMinor[i] = amount;
          statuses[i] = status;
        });
  }

  private void shuffle(long seed) {
    Rng rng = new Rng();
    rng.reset(Rng.streamSeed(seed, SHUFFLE_INDEX, 0));
    for (int i = size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      swap(userIds, i, j);
      swap(epochMillis, i, j);
      swap(amountMinor, i, j);
      OrderStatus status = statuses[i];
      statuses[i] = statuses[j];
      statuses[j] = status;
    }
  }

  private static void swap(long[] a, int i, int j) {
    long t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /**
   * Number of orders (rows).
   *
   * @return the shop's order count, the length of every column
   */
  public int size() {
    return userIds.length;
  }

  /**
   * Buyer per row.
   *
   * @return the shared column of user ids, {@code 0} to {@code users - 1}; do not modify
   */
  public long[] userIds() {
    return userIds;
  }

  /**
   * Order time per row.
   *
   * @return the shared column of epoch milliseconds; do not modify
   */
  public long[] epochMillis() {
    return epochMillis;
  }

  /**
   * Order total per row.
   *
   * @return the shared column of amounts in minor units; do not modify
   */
  public long[] amountMinor() {
    return amountMinor;
  }

  /**
   * Status per row.
   *
   * @return the shared column of statuses, never null; do not modify
   */
  public OrderStatus[] statuses() {
    return statuses;
  }
}
