package dev.userops.incentives.internal;

import dev.userops.core.Accumulator;
import dev.userops.core.internal.AccumulatorFormats;
import dev.userops.core.internal.Accumulators;
import dev.userops.incentives.membership.MembershipSpec;
import java.util.Map;
import java.util.function.Function;

/** The incentives module's accumulator families, for {@link Accumulator#fromBytes(byte[])}. */
public final class IncentivesFormats implements AccumulatorFormats {
  /** For the service loader. */
  public IncentivesFormats() {}

  @Override
  public Map<String, Function<byte[], Accumulator<?, ?>>> readers() {
    return Accumulators.readers(Map.of("MEMB", MembershipSpec::fromJson));
  }
}
