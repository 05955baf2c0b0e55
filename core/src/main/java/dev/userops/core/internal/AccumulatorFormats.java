package dev.userops.core.internal;

import dev.userops.core.Accumulator;
import java.util.Map;
import java.util.function.Function;

/**
 * The accumulator families a module can read back from bytes alone, for {@link
 * Accumulator#fromBytes(byte[])}. Each library module with accumulators provides one (a {@code
 * provides} clause and a {@code META-INF/services} entry), so core needs no knowledge of them.
 */
public interface AccumulatorFormats {
  /**
   * The readers of this module's families.
   *
   * @return the 4-character family code of each accumulator mapped to a reader of its bytes
   */
  Map<String, Function<byte[], Accumulator<?, ?>>> readers();
}
