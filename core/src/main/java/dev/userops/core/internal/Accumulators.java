package dev.userops.core.internal;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
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

  /** The spec JSON embedded in the bytes; their version and the rest are the family reader's. */
  private static String specJson(byte[] bytes, String family) {
    return BinaryForm.reader(bytes, family, Integer.MAX_VALUE).getString("spec");
  }

  /**
   * Readers for {@link AccumulatorFormats#readers()}: each reads the spec embedded in the bytes
   * with its family's {@code fromJson}, then the bytes with that spec.
   *
   * @param specReaders each family code mapped to its spec type's {@code fromJson}
   * @return each family code mapped to a reader of its bytes
   */
  public static Map<String, Function<byte[], Accumulator<?, ?>>> readers(
      Map<String, Function<String, ? extends AccumulatorSpec<?, ?>>> specReaders) {
    Map<String, Function<byte[], Accumulator<?, ?>>> readers = new TreeMap<>();
    specReaders.forEach((family, fromJson) ->
        readers.put(family, bytes -> fromJson.apply(specJson(bytes, family)).accumulatorFromBytes(bytes)));
    return Map.copyOf(readers);
  }

  /**
   * Reads any accumulator from its bytes alone, by the family code in their header.
   *
   * @param bytes an accumulator's binary form
   * @return the accumulator
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException if no module on the class or module path reads the family, or
   *     the family's reader rejects the bytes
   */
  public static Accumulator<?, ?> fromBytes(byte[] bytes) {
    String family = BinaryForm.family(bytes);
    Function<byte[], Accumulator<?, ?>> reader = Formats.READERS.get(family);
    Checks.checkArgument(reader != null,
        "no reader for accumulator family %s (known: %s); is its module on the class path?",
        family, Formats.READERS.keySet());
    return reader.apply(bytes);
  }

  /**
   * The families of every module present, loaded once per class loader: the set is fixed by the
   * class or module path, and the readers are stateless.
   */
  private static final class Formats {
    static final Map<String, Function<byte[], Accumulator<?, ?>>> READERS = load();

    private static Map<String, Function<byte[], Accumulator<?, ?>>> load() {
      Map<String, Function<byte[], Accumulator<?, ?>>> readers = new TreeMap<>();
      for (AccumulatorFormats formats : ServiceLoader.load(AccumulatorFormats.class, Accumulators.class.getClassLoader())) {
        readers.putAll(formats.readers());
      }
      return Map.copyOf(readers);
    }
  }
}
