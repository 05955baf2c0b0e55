package dev.userops.core.summary;

import java.util.Arrays;

/**
 * Open-addressing hash map from user id to order count, with primitive arrays and linear probing.
 * A count of 0 marks an empty slot, so every stored count is {@code >= 1}. About 24 bytes per user
 * at the maximum load factor of 1/2 (12 bytes per slot).
 */
final class UserOrderCounts {
  private long[] userIds = new long[16];
  private int[] counts = new int[16];
  private int size;

  int size() {
    return size;
  }

  /** Adds {@code delta >= 1} to {@code userId}'s count. */
  void add(long userId, int delta) {
    int mask = userIds.length - 1;
    int slot = slot(userId, mask);
    while (counts[slot] != 0) {
      if (userIds[slot] == userId) {
        counts[slot] = Math.addExact(counts[slot], delta);
        return;
      }
      slot = (slot + 1) & mask;
    }
    userIds[slot] = userId;
    counts[slot] = delta;
    if (++size > userIds.length >>> 1) {
      grow();
    }
  }

  private static int slot(long userId, int mask) {
    long h = userId * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads sequential ids
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldIds = userIds;
    int[] oldCounts = counts;
    userIds = new long[oldIds.length << 1];
    counts = new int[oldIds.length << 1];
    size = 0;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldCounts[i] != 0) {
        add(oldIds[i], oldCounts[i]);
      }
    }
  }

  /** Calls {@code visitor} once per user, in no particular order. */
  void forEach(Visitor visitor) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        visitor.visit(userIds[i], counts[i]);
      }
    }
  }

  void addAll(UserOrderCounts other) {
    other.forEach(this::add);
  }

  /** Users sorted by id, so that equal contents give equal bytes. */
  long[] sortedUserIds() {
    long[] sorted = new long[size];
    int n = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        sorted[n++] = userIds[i];
      }
    }
    Arrays.sort(sorted);
    return sorted;
  }

  int get(long userId) {
    int mask = userIds.length - 1;
    for (int slot = slot(userId, mask); counts[slot] != 0; slot = (slot + 1) & mask) {
      if (userIds[slot] == userId) {
        return counts[slot];
      }
    }
    return 0;
  }

  interface Visitor {
    void visit(long userId, int count);
  }
}
