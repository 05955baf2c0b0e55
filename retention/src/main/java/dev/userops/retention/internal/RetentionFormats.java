package dev.userops.retention.internal;

import dev.userops.core.Accumulator;
import dev.userops.core.internal.AccumulatorFormats;
import dev.userops.core.internal.Accumulators;
import dev.userops.retention.active.ActiveUsersSpec;
import dev.userops.retention.clv.ClvSummarySpec;
import dev.userops.retention.cohort.RetentionSpec;
import dev.userops.retention.repurchase.RepurchaseSpec;
import dev.userops.retention.value.AcquisitionSpec;
import dev.userops.retention.value.LtvSpec;
import dev.userops.retention.winback.WinBackSpec;
import java.util.Map;
import java.util.function.Function;

/** Retention's accumulator families, for {@link Accumulator#fromBytes(byte[])}. */
public final class RetentionFormats implements AccumulatorFormats {
  /** For the service loader. */
  public RetentionFormats() {}

  @Override
  public Map<String, Function<byte[], Accumulator<?, ?>>> readers() {
    return Accumulators.readers(Map.of(
        "RETM", RetentionSpec::fromJson,
        "ACTU", ActiveUsersSpec::fromJson,
        "RPUR", RepurchaseSpec::fromJson,
        "WBAK", WinBackSpec::fromJson,
        "CLVS", ClvSummarySpec::fromJson,
        "LTVT", LtvSpec::fromJson,
        "ACQE", AcquisitionSpec::fromJson));
  }
}
