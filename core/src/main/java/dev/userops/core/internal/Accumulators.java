package dev.userops.core.internal;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import java.util.function.BiConsumer;
import java.util.stream.Collector;

/** Helpers for {@link Accumulator} implementations and users. */
public final class Accumulators {
  private Accumulators() {}

  /**
   * A collector that feeds each element to a new accumulator of {@code spec} with {@code add},
   * merges partial accumulators of parallel streams, and finishes with the result.
   *
   * @param <T> the stream element type
   * @param <A> the accumulator type
   * @param <R> the result type
   * @param spec the spec every partial accumulator is made from
   * @param add feeds one element to an accumulator, e.g. {@code (acc, order) -> acc.add(order)}
   * @return a collector giving the result of all elements; of an empty stream, the empty result
   * @throws NullPointerException if {@code spec} or {@code add} is null
   */
  public static <T, A extends Accumulator<A, R>, R> Collector<T, A, R> collector(
      AccumulatorSpec<A, R> spec, BiConsumer<A, T> add) {
    Checks.requireNonNull(spec, "spec");
    Checks.requireNonNull(add, "add");
    return Collector.of(spec::newAccumulator, add, A::merge, A::result);
  }

  /**
   * Checks the merge preconditions of {@link Accumulator#merge}: {@code other} is not {@code self}
   * and was made from an equal spec.
   *
   * @param self the accumulator being merged into
   * @param other the accumulator being merged from
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if {@code other} is {@code self}, or naming both specs when
   *     they differ
   */
  public static void checkMergeable(Accumulator<?, ?> self, Accumulator<?, ?> other) {
    Checks.requireNonNull(other, "other");
    Checks.checkArgument(other != self, "cannot merge an accumulator with itself: %s", self.spec());
    Checks.checkArgument(
        self.spec().equals(other.spec()),
        "cannot merge accumulators of different specs: this %s, other %s",
        self.spec(),
        other.spec());
  }

  /**
   * The JSON form of the spec embedded in an accumulator's bytes, for the {@code fromBytes(bytes)}
   * factory of each accumulator, which reads the spec from the bytes themselves.
   *
   * @param bytes an accumulator's binary form
   * @param family the 4-character family code the bytes must carry
   * @param maxVersion the newest format version the caller reads
   * @return the spec's JSON, as written with the bytes
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the bytes are not of {@code family} or are truncated
   */
  public static String specJson(byte[] bytes, String family, int maxVersion) {
    return BinaryForm.reader(bytes, family, maxVersion).getString("spec");
  }
}
