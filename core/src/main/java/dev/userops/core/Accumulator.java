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

  /**
   * Reads an accumulator from its binary form alone: the header names its family and the bytes
   * embed its spec, so no spec is needed up front (as a DataSketches sketch is heapified). The
   * checked form, {@link AccumulatorSpec#accumulatorFromBytes}, also verifies the spec.
   *
   * @param bytes the output of {@link #toByteArray()} of any accumulator of the library modules on
   *     the class or module path, of its current or an earlier format version
   * @return a new accumulator equal to the one written
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if the bytes are not a UserOps binary form, name a family no
   *     module present reads, or are truncated or inconsistent
   * @throws ConfigException if the embedded spec is invalid
   */
  static Accumulator<?, ?> fromBytes(byte[] bytes) {
    return Accumulators.fromBytes(bytes);
  }

  /**
   * Reads an accumulator of a known type from its binary form alone, as {@link #fromBytes(byte[])}.
   *
   * @param <A> the accumulator type
   * @param bytes the output of {@link #toByteArray()}
   * @param type the accumulator class expected, e.g. {@code RfmAccumulator.class}
   * @return the accumulator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #fromBytes(byte[])}, or if the bytes hold another type
   */
  static <A extends Accumulator<A, ?>> A fromBytes(byte[] bytes, Class<A> type) {
    Accumulator<?, ?> accumulator = Accumulators.fromBytes(bytes);
    if (!type.isInstance(accumulator)) {
      throw new IllegalArgumentException(
          "expected bytes of a " + type.getSimpleName() + ", got a " + accumulator.getClass().getSimpleName());
    }
    return type.cast(accumulator);
  }
}
