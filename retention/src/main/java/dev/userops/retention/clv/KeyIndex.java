package dev.userops.retention.clv;

import java.util.Arrays;

/**
 * Dense ids for distinct keys of up to three longs, in order of first appearance: the compression
 * of customers into rows with weights. Open addressing with linear probing, no boxing.
 */
final class KeyIndex {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long[] first;
  private long[] second;
  private long[] third;
  private int[] slots;
  private int size;

  KeyIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    slots = new int[capacity];
    Arrays.fill(slots, -1);
    int keys = Math.max(4, Math.min(expected, 1 << 16));
    first = new long[keys];
    second = new long[keys];
    third = new long[keys];
  }

  /** The bits of a time or amount, with -0.0 read as 0.0 so equal values share a key. */
  static long bits(double value) {
    return Double.doubleToLongBits(value + 0.0);
  }

  /** The id of the key, a new one ({@code == size() - 1} afterwards) if it was not seen before. */
  int add(long a, long b, long c) {
    int mask = slots.length - 1;
    int slot = hash(a, b, c) & mask;
    while (true) {
      int id = slots[slot];
      if (id < 0) {
        break;
      }
      if (first[id] == a && second[id] == b && third[id] == c) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    if (size == first.length) {
      int grown = size * 2;
      first = Arrays.copyOf(first, grown);
      second = Arrays.copyOf(second, grown);
      third = Arrays.copyOf(third, grown);
    }
    first[size] = a;
    second[size] = b;
    third[size] = c;
    slots[slot] = size;
    if (++size * 2 > slots.length) {
      rehash();
    }
    return size - 1;
  }

  int size() {
    return size;
  }

  long first(int id) {
    return first[id];
  }

  long second(int id) {
    return second[id];
  }

  long third(int id) {
    return third[id];
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    Arrays.fill(slots, -1);
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hash(first[id], second[id], third[id]) & mask;
      while (slots[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id;
    }
  }

  /** MurmurHash3's 64-bit finalizer over the combined key: doubles' low bits are often all zero. */
  private static int hash(long a, long b, long c) {
    long h = (a * GOLDEN + b) * GOLDEN + c;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return (int) (h ^ (h >>> 33));
  }
}
