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

  /** A new, empty accumulator: the identity of merge. */
  A newAccumulator();

  /**
   * Reads an accumulator written by {@link Accumulator#toByteArray()} of an accumulator of an equal
   * spec.
   *
   * @throws IllegalArgumentException if the bytes are not of this accumulator family, of an
   *     unsupported format version, of another spec, truncated or corrupt (the message says what was
   *     expected and what was found)
   */
  A accumulatorFromBytes(byte[] bytes);
}
