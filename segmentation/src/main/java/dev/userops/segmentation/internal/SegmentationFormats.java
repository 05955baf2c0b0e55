package dev.userops.segmentation.internal;

import dev.userops.core.Accumulator;
import dev.userops.core.internal.AccumulatorFormats;
import dev.userops.core.internal.Accumulators;
import dev.userops.segmentation.rfm.RfmSpec;
import dev.userops.segmentation.tags.TagCountSpec;
import java.util.Map;
import java.util.function.Function;

/** Segmentation's accumulator families, for {@link Accumulator#fromBytes(byte[])}. */
public final class SegmentationFormats implements AccumulatorFormats {
  /** For the service loader. */
  public SegmentationFormats() {}

  @Override
  public Map<String, Function<byte[], Accumulator<?, ?>>> readers() {
    return Accumulators.readers(Map.of("RFMA", RfmSpec::fromJson, "TAGC", TagCountSpec::fromJson));
  }
}
