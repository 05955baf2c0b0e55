package dev.userops.incentives.offers;

import dev.userops.core.internal.Checks;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Splits an amount of minor units over weights in exact proportion by the largest remainder
 * (Hamilton) method: each part gets {@code floor(amount × weight / Σweights)}, and the units left
 * over go one each to the parts with the largest remainders. <b>Tie rule:</b> among equal
 * remainders the part with the lower index wins; the offers policy orders lines by {@code lineId},
 * so ties go to the line whose id sorts first. The parts sum exactly to the amount, and each is
 * within one unit of its exact proportional value (below it or above it by less than one); a part
 * of weight 0 gets 0. When {@code amount <= Σweights} no part exceeds its weight, so a discount
 * allocated by the lines' amounts never makes a line negative.
 *
 * <p>Example: 400 over weights 200 and 600 gives 100 and 300; 4 over three equal weights gives 2,
 * 1, 1 (the leftover unit goes to index 0).
 *
 * <p>The buffer form allocates nothing when every product {@code amount × weight} fits a {@code
 * long}; beyond that it falls back to {@link BigInteger} arithmetic, with the same result.
 */
public final class Allocation {
  /** Up to this many parts, counting beats a selection. */
  private static final int SMALL = 31;
  private static final int INDEX_BITS = 5;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
  /** Remainders are below the total; below this bound they pack beside an index in a long. */
  private static final long MAX_PACKED_REMAINDER = Long.MAX_VALUE >>> INDEX_BITS;

  private Allocation() {}

  /**
   * The parts of {@code amount} in proportion to {@code weights}.
   *
   * @param amount the amount to split, minor units, {@code >= 0}
   * @param weights the weights, each {@code >= 0}; their sum must be {@code > 0} unless {@code
   *     amount == 0}
   * @return a new array of the parts, one per weight, summing to {@code amount}
   * @throws NullPointerException if {@code weights} is null
   * @throws IllegalArgumentException if a value is negative, or all weights are 0 and {@code amount > 0}
   * @throws ArithmeticException if the weights' sum overflows a {@code long}
   */
  public static long[] allocate(long amount, long[] weights) {
    long[] parts = new long[weights.length];
    allocate(amount, weights, weights.length, parts, new long[2 * weights.length]);
    return parts;
  }

  /**
   * The parts of {@code amount} in proportion to {@code weights[0..count)}, into caller-provided
   * buffers: the allocation-free path for hot loops.
   *
   * @param amount the amount to split, minor units, {@code >= 0}
   * @param weights the weights; only the first {@code count} are read, each {@code >= 0}; their sum
   *     must be {@code > 0} unless {@code amount == 0}
   * @param count how many weights, {@code >= 0}
   * @param parts receives the parts in {@code [0, count)}; may not be {@code weights}
   * @param scratch working space of at least {@code 2 × count} longs; its content is overwritten
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if a value is negative, a buffer is too short, or all weights
   *     are 0 and {@code amount > 0}
   * @throws ArithmeticException if the weights' sum overflows a {@code long}
   */
  public static void allocate(long amount, long[] weights, int count, long[] parts, long[] scratch) {
    Checks.requireNonNegative(amount, "amount");
    if (count < 0 || weights.length < count || parts.length < count || scratch.length < 2 * count) {
      throw new IllegalArgumentException("buffers too short for count " + count + ": weights " + weights.length
          + ", parts " + parts.length + ", scratch " + scratch.length + " (needs 2 × count)");
    }
    long total = 0;
    for (int i = 0; i < count; i++) {
      if (weights[i] < 0) {
        throw new IllegalArgumentException("weights[" + i + "] must be >= 0, got " + weights[i]);
      }
      total = Math.addExact(total, weights[i]);
    }
    if (total == 0 && amount > 0) {
      // Not checkArgument: its boxed argument would allocate on every call.
      throw new IllegalArgumentException("cannot allocate " + amount + " over weights that sum to 0");
    }
    split(amount, weights, count, total, parts, scratch);
  }

  /**
   * The checked form's work, for callers that know the weights are valid and their sum: {@code
   * total = Σweights[0..count) > 0}, or {@code amount == 0}.
   */
  static void split(long amount, long[] weights, int count, long total, long[] parts, long[] scratch) {
    if (amount == 0) {
      Arrays.fill(parts, 0, count, 0);
      return;
    }
    long left = amount;
    // A quotient estimated in double arithmetic and corrected exactly: cheaper than a long division.
    double inverse = 1.0 / total;
    for (int i = 0; i < count; i++) {
      long w = weights[i];
      long low = amount * w;
      if (Math.multiplyHigh(amount, w) == 0 && low >= 0) {
        long part = (long) (low * inverse);
        long remainder = low - part * total;
        while (remainder < 0) {
          part--;
          remainder += total;
        }
        while (remainder >= total) {
          part++;
          remainder -= total;
        }
        parts[i] = part;
        scratch[i] = remainder;
      } else {
        BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(w)).divideAndRemainder(BigInteger.valueOf(total));
        parts[i] = qr[0].longValueExact();
        scratch[i] = qr[1].longValueExact();
      }
      left -= parts[i];
    }
    if (left == 0) {
      return;
    }
    if (count <= SMALL && total <= MAX_PACKED_REMAINDER) {
      // Few parts and small remainders: pack (remainder, index) into distinct longs ordered by
      // descending remainder, then ascending index; a part gets a unit if fewer than left keys beat
      // it. Counting without branches is cheaper than sorting this few.
      for (int i = 0; i < count; i++) {
        scratch[count + i] = scratch[i] << INDEX_BITS | (SMALL - i);
      }
      for (int i = 0; i < count; i++) {
        long key = scratch[count + i];
        int beaten = 0;
        for (int j = 0; j < count; j++) {
          beaten += scratch[count + j] > key ? 1 : 0;
        }
        parts[i] += beaten < left ? 1 : 0;
      }
      return;
    }
    // The left-over units (fewer than count) go to the largest remainders: find the left-th largest
    // remainder, give one to every part above it, then to the parts equal to it in index order.
    System.arraycopy(scratch, 0, scratch, count, count);
    long threshold = kthLargest(scratch, count, count + count, (int) left);
    int above = 0;
    for (int i = 0; i < count; i++) {
      if (scratch[i] > threshold) {
        above++;
      }
    }
    long equal = left - above;
    for (int i = 0; i < count; i++) {
      if (scratch[i] > threshold) {
        parts[i]++;
      } else if (scratch[i] == threshold && equal > 0) {
        parts[i]++;
        equal--;
      }
    }
  }

  /** The k-th largest value (1-based) of {@code a[from, to)}, reordering that range (quickselect). */
  private static long kthLargest(long[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    int target = from + k - 1;
    while (lo < hi) {
      long pivot = a[lo + (hi - lo) / 2];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] > pivot) {
          i++;
        }
        while (a[j] < pivot) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return a[target];
      }
    }
    return a[target];
  }
}
