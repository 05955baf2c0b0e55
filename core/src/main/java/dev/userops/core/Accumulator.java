package dev.userops.core;

import dev.userops.core.internal.Accumulators;

/**
 * A mergeable summary of a population: fed events one at a time, merged with partial summaries of
 * other partitions (threads, days, Spark tasks), and read as an immutable result at any time.
 *
 * <p>Laws every implementation keeps (and tests with the shared law helper): a new accumulator is
 * the identity of {@link #merge}; merge is associative and commutative in its result; the order of
 * {@code add} calls does not change the result; merging accumulators of different specs or an
 * accumulator with itself throws {@link IllegalArgumentException}; {@link #toByteArray()} read back
 * with {@link AccumulatorSpec#accumulatorFromBytes} changes nothing. Accumulators are not
 * thread-safe: give each thread its own and merge.
 *
 * @param <A> the accumulator's own type
 * @param <R> its result type
 */
public interface Accumulator<A extends Accumulator<A, R>, R> {

  /**
   * The spec this accumulator was created from.
   *
   * @return the spec; never null, and equal for every accumulator this one may merge with
   */
  AccumulatorSpec<A, R> spec();

  /**
   * Adds everything {@code other} has seen into this accumulator and returns this. {@code other}
   * is left unchanged.
   *
   * @param other a partial accumulator of an equal spec, possibly empty (then this is unchanged)
   * @return this accumulator, for chaining
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if {@code other} is this accumulator, or was created from a
   *     spec not equal to {@link #spec()} (the message names both)
   */
  A merge(A other);

  /**
   * The result of everything added and merged so far. The accumulator stays usable.
   *
   * @return an immutable result, computed on each call; the empty result for a new accumulator
   */
  R result();

  /**
   * A versioned binary form, read back by {@link AccumulatorSpec#accumulatorFromBytes}.
   *
   * @return a new array that also identifies the spec, so bytes of another spec are rejected on read
   */
  byte[] toByteArray();
}
