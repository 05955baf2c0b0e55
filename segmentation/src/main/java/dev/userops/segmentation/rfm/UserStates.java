package dev.userops.segmentation.rfm;

import dev.userops.core.internal.Checks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-user last order time, orders and spend, 16 bytes per dense user id in one {@code long[]}: at
 * {@code 2u} the last order's epoch millis, at {@code 2u + 1} the orders (high 19 bits) and spend
 * (low 44 bits) packed, so that an order reads and writes one 16-byte slot, within one cache line.
 * A user whose packed fields would overflow (more than about 524 thousand orders, or a spend of
 * 2^44 minor units, 175 billion in a currency of cents) moves to an exact side table and keeps the
 * marker {@link #WIDE} in the slot; sums there overflow only where a {@code long} does.
 */
final class UserStates {
  /** The largest dense user id plus one that the array can hold. */
  static final long MAX_USERS = (Integer.MAX_VALUE - 8) / 2;

  private static final int SPEND_BITS = 44;
  private static final long SPEND_MASK = (1L << SPEND_BITS) - 1;
  private static final long MAX_PACKED_ORDERS = (1L << (63 - SPEND_BITS)) - 1;
  /** Orders at the packed maximum: no packed user reaches it, so it marks users in the side table. */
  private static final long WIDE = MAX_PACKED_ORDERS << SPEND_BITS;
  private static final long ONE_ORDER = 1L << SPEND_BITS;
  /** Packed words below this have room for one more order (and {@link #WIDE} is above it). */
  private static final long ROOM_FOR_ONE = (MAX_PACKED_ORDERS - 1) << SPEND_BITS;

  private long[] words = new long[32];
  private final Map<Long, long[]> wide = new HashMap<>();

  /** The number of user ids with room in the array, all ids below it. */
  int capacity() {
    return words.length >>> 1;
  }

  /** Whether {@code userId} (below {@link #capacity()}) has at least one order. */
  boolean has(int userId) {
    return words[2 * userId + 1] != 0;
  }

  long lastMillis(int userId) {
    return words[2 * userId];
  }

  long orders(int userId) {
    long packed = words[2 * userId + 1];
    return packed == WIDE ? wide.get((long) userId)[0] : packed >>> SPEND_BITS;
  }

  long spend(int userId) {
    long packed = words[2 * userId + 1];
    return packed == WIDE ? wide.get((long) userId)[1] : packed & SPEND_MASK;
  }

  /**
   * Adds {@code orders >= 1} orders with total {@code spend >= 0}, the latest at {@code lastMillis >=
   * 0}, to {@code userId}.
   *
   * @throws IllegalArgumentException if {@code userId} is not in {@code [0, MAX_USERS)}
   * @throws ArithmeticException if the user's orders or spend overflow a {@code long}
   */
  void add(long userId, long lastMillis, long orders, long spend) {
    if (userId < 0 || userId >= words.length >>> 1) {
      grow(userId);
    }
    int slot = (int) userId << 1;
    long[] w = words;
    w[slot] = Math.max(w[slot], lastMillis);
    long packed = w[slot + 1];
    // Room for the orders below the marker and for the spend below the count bits (WIDE has none).
    if (orders < MAX_PACKED_ORDERS - (packed >>> SPEND_BITS) && spend <= SPEND_MASK - (packed & SPEND_MASK)) {
      w[slot + 1] = packed + (orders << SPEND_BITS) + spend;
    } else {
      addWide(userId, slot, orders, spend);
    }
  }

  /**
   * Adds one order per row {@code [from, to)} of the columns. The caller has checked that every
   * user id is in {@code [0, capacity())}, every time and amount {@code >= 0}: this is the hot loop,
   * one 16-byte slot read and written per order.
   */
  void addOrders(long[] userIds, long[] epochMillis, long[] amountMinor, int from, int to) {
    long[] w = words;
    for (int i = from; i < to; i++) {
      int slot = (int) userIds[i] << 1;
      long amount = amountMinor[i];
      w[slot] = Math.max(w[slot], epochMillis[i]);
      long packed = w[slot + 1];
      if (packed < ROOM_FOR_ONE && amount <= SPEND_MASK - (packed & SPEND_MASK)) {
        w[slot + 1] = packed + ONE_ORDER + amount;
      } else {
        addWide(userIds[i], slot, 1, amount);
      }
    }
  }

  /** Makes room for user ids up to {@code maxUserId}, which must be below {@link #MAX_USERS}. */
  void reserve(long maxUserId) {
    if (maxUserId >= capacity()) {
      grow(maxUserId);
    }
  }

  private void addWide(long userId, int slot, long orders, long spend) {
    long[] totals = wide.get(userId);
    if (totals == null) {
      long packed = words[slot + 1];
      totals = new long[] {packed >>> SPEND_BITS, packed & SPEND_MASK};
      wide.put(userId, totals);
      words[slot + 1] = WIDE;
    }
    totals[0] = Math.addExact(totals[0], orders);
    totals[1] = Math.addExact(totals[1], spend);
  }

  private void grow(long userId) {
    Checks.checkArgument(
        userId >= 0 && userId < MAX_USERS, "userId must be a dense index in [0, %s), got %s", MAX_USERS, userId);
    long capacity = Math.min(MAX_USERS, Math.max(userId + 1, 2L * capacity()));
    words = Arrays.copyOf(words, (int) capacity * 2);
  }

  /** Adds every user of {@code other}. */
  void addAll(UserStates other) {
    for (int u = 0; u < other.capacity(); u++) {
      if (other.has(u)) {
        add(u, other.lastMillis(u), other.orders(u), other.spend(u));
      }
    }
  }

  /** Users with at least one order. */
  int size() {
    int n = 0;
    for (int i = 1; i < words.length; i += 2) {
      if (words[i] != 0) {
        n++;
      }
    }
    return n;
  }
}
