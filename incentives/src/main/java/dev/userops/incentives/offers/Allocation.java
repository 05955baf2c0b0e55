package dev.userops.incentives.offers;

import dev.userops.core.internal.Checks;
import java.math.BigInteger;

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
    if (total == 0) {
      Checks.checkArgument(amount == 0, "cannot allocate %s over weights that sum to 0", amount);
      for (int i = 0; i < count; i++) {
        parts[i] = 0;
      }
      return;
    }
    long left = amount;
    for (int i = 0; i < count; i++) {
      long w = weights[i];
      long high = Math.multiplyHigh(amount, w);
      long low = amount * w;
      if (high == 0 && low >= 0) {
        parts[i] = low / total;
        scratch[i] = low % total;
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
