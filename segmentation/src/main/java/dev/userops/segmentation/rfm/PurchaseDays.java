package dev.userops.segmentation.rfm;

import java.util.Arrays;

/**
 * A set of (user, local day) pairs in one open-addressing {@code long[]} with linear probing, for
 * {@link RfmSpec.Frequency#PURCHASE_DAYS}. About 32 bytes per pair at the maximum load factor of
 * 1/2. A key packs the dense user id (below 2^31) in the high half and the day in the low half.
 */
final class PurchaseDays {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys = emptyTable(16);
  private int size;

  private static long[] emptyTable(int capacity) {
    long[] table = new long[capacity];
    Arrays.fill(table, EMPTY);
    return table;
  }

  static long key(long userId, long day) {
    return userId << 32 | (day & 0xFFFF_FFFFL);
  }

  static int userOf(long key) {
    return (int) (key >>> 32);
  }

  static long dayOf(long key) {
    return (int) key;
  }

  int size() {
    return size;
  }

  /** Adds a pair; returns whether it was new. */
  boolean add(long key) {
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    if (++size > keys.length >>> 1) {
      grow();
    }
    return true;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] old = keys;
    keys = emptyTable(old.length << 1);
    size = 0;
    for (long key : old) {
      if (key != EMPTY) {
        add(key);
      }
    }
  }

  void addAll(PurchaseDays other) {
    for (long key : other.keys) {
      if (key != EMPTY) {
        add(key);
      }
    }
  }

  /** The keys in ascending order, so that equal sets give equal bytes. */
  long[] sortedKeys() {
    long[] sorted = new long[size];
    int n = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        sorted[n++] = key;
      }
    }
    Arrays.sort(sorted);
    return sorted;
  }
}
