package dev.userops.retention.clv;

import java.util.Arrays;

/**
 * Orders not yet folded into the per-user purchase days: rows of user, local day and amount in two
 * parallel {@code long} arrays (16 bytes a row), appended in arrival order, then sorted by user and
 * day in one go. Appending touches the end of the arrays only, so users arriving in random order
 * cost no cache miss per order; the sort is a least-significant-digit radix sort over just the bits
 * the rows' user and day ranges need (29 for a million users over a year: three passes).
 */
final class OrderLog {
  static final int INITIAL_CAPACITY = 1024;

  /** Digits of at most 11 bits: 2,048 buckets of two arrays stay within L2 while scattered. */
  private static final int MAX_DIGIT_BITS = 11;

  /** Rows: {@code user << 32 | (day + 1)}; days are at least -1 (1970-01-01T00:00Z at UTC-18). */
  private long[] keys = new long[INITIAL_CAPACITY];

  private long[] amounts = new long[INITIAL_CAPACITY];
  private int size;

  // The rows in order after sort(): keys relative to the smallest user and day, in these arrays.
  private long[] sortedKeys;
  private long[] sortedAmounts;
  private long userBase;
  private long dayBase;
  private int dayBits;

  int size() {
    return size;
  }

  int capacity() {
    return keys.length;
  }

  boolean isFull() {
    return size == keys.length;
  }

  /** Appends a row; the caller has made room. */
  void append(int user, int day, long amountMinor) {
    keys[size] = (long) user << 32 | (day + 1);
    amounts[size++] = amountMinor;
  }

  /** Grows the arrays to {@code capacity >= size} rows, keeping the rows. */
  void resize(int capacity) {
    keys = Arrays.copyOf(keys, capacity);
    amounts = Arrays.copyOf(amounts, capacity);
  }

  /** Appends every row of {@code other}, unsorted; the caller has made room. */
  void appendAll(OrderLog other) {
    System.arraycopy(other.keys, 0, keys, size, other.size);
    System.arraycopy(other.amounts, 0, amounts, size, other.size);
    size += other.size;
  }

  /** Empties the log, keeping its capacity when {@code release} is false. */
  void clear(boolean release) {
    size = 0;
    sortedKeys = null;
    sortedAmounts = null;
    if (release && keys.length > INITIAL_CAPACITY) {
      keys = new long[INITIAL_CAPACITY];
      amounts = new long[INITIAL_CAPACITY];
    }
  }

  /**
   * Sorts the rows by user, then day; rows of one user and day stay adjacent in any order. The
   * log's own arrays serve as one buffer of the radix sort, so appended rows are lost: read the
   * sorted rows with {@link #user}, {@link #day} and {@link #amount}, then {@link #clear}.
   */
  void sort() {
    long minUser = Long.MAX_VALUE;
    long maxUser = -1;
    long minDay = Long.MAX_VALUE;
    long maxDay = -1;
    for (int i = 0; i < size; i++) {
      long key = keys[i];
      minUser = Math.min(minUser, key >>> 32);
      maxUser = Math.max(maxUser, key >>> 32);
      minDay = Math.min(minDay, key & 0xFFFF_FFFFL);
      maxDay = Math.max(maxDay, key & 0xFFFF_FFFFL);
    }
    userBase = minUser;
    dayBase = minDay;
    dayBits = bits(maxDay - minDay);
    int keyBits = bits(maxUser - minUser) + dayBits;
    int passes = (keyBits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
    int digitBits = passes == 0 ? 0 : (keyBits + passes - 1) / passes;
    int radix = 1 << digitBits;
    int mask = radix - 1;
    // Every pass's histogram in one read of the rows, which also makes the keys relative.
    int[] counts = new int[passes * radix];
    for (int i = 0; i < size; i++) {
      long key = keys[i];
      long relative = ((key >>> 32) - minUser) << dayBits | ((key & 0xFFFF_FFFFL) - minDay);
      keys[i] = relative;
      for (int p = 0; p < passes; p++) {
        counts[p * radix + (int) (relative >>> (p * digitBits) & mask)]++;
      }
    }
    long[] fromKeys = keys;
    long[] fromAmounts = amounts;
    long[] toKeys = null;
    long[] toAmounts = null;
    for (int p = 0; p < passes; p++) {
      int base = p * radix;
      if (counts[base + (int) (fromKeys[0] >>> (p * digitBits) & mask)] == size) {
        continue; // one bucket holds every row: this digit is the same for all
      }
      if (toKeys == null) {
        toKeys = new long[size];
        toAmounts = new long[size];
      }
      int start = 0;
      for (int b = 0; b < radix; b++) {
        int count = counts[base + b];
        counts[base + b] = start;
        start += count;
      }
      int shift = p * digitBits;
      for (int i = 0; i < size; i++) {
        long key = fromKeys[i];
        int to = counts[base + (int) (key >>> shift & mask)]++;
        toKeys[to] = key;
        toAmounts[to] = fromAmounts[i];
      }
      long[] swapKeys = fromKeys;
      long[] swapAmounts = fromAmounts;
      fromKeys = toKeys;
      fromAmounts = toAmounts;
      toKeys = swapKeys;
      toAmounts = swapAmounts;
    }
    sortedKeys = fromKeys;
    sortedAmounts = fromAmounts;
  }

  /** Bits to hold {@code 0..max}. */
  private static int bits(long max) {
    return 64 - Long.numberOfLeadingZeros(max);
  }

  /** The user of sorted row {@code i}. */
  int user(int i) {
    return (int) (userBase + (sortedKeys[i] >>> dayBits));
  }

  /** The local day of sorted row {@code i}. */
  int day(int i) {
    return (int) (dayBase + (sortedKeys[i] & ((1L << dayBits) - 1))) - 1;
  }

  /** The amount of sorted row {@code i}, minor units. */
  long amount(int i) {
    return sortedAmounts[i];
  }
}
