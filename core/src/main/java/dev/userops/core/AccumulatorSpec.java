package dev.userops.core;

/**
 * The immutable, JSON-serializable definition of a population calculation: everything that must be
 * equal for two partial results to be mergeable. Specs are values: equal specs make mergeable
 * accumulators.
 *
 * @param <A> the accumulator type it creates
 * @param <R> the accumulator's result type
 */
public interface AccumulatorSpec<A extends Accumulator<A, R>, R> {

  /**
   * A new, empty accumulator: the identity of merge.
   *
   * @return a new accumulator, independent of every other one
   */
  A newAccumulator();

  /**
   * Reads an accumulator written by {@link Accumulator#toByteArray()} of an accumulator of an equal
   * spec.
   *
   * @param bytes the whole array returned by {@code toByteArray()}, not a prefix or a slice
   * @return a new accumulator equal in content to the one written
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if the bytes are not of this accumulator family, of an
   *     unsupported format version, of another spec, truncated or corrupt (the message says what was
   *     expected and what was found)
   */
  A accumulatorFromBytes(byte[] bytes);
}
