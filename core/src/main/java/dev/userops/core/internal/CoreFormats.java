package dev.userops.core.internal;

import dev.userops.core.Accumulator;
import dev.userops.core.summary.OrderSummarySpec;
import java.util.Map;
import java.util.function.Function;

/** Core's accumulator families, for {@link Accumulator#fromBytes(byte[])}. */
public final class CoreFormats implements AccumulatorFormats {
  /** For the service loader. */
  public CoreFormats() {}

  @Override
  public Map<String, Function<byte[], Accumulator<?, ?>>> readers() {
    return Accumulators.readers(Map.of("OSUM", OrderSummarySpec::fromJson));
  }
}
