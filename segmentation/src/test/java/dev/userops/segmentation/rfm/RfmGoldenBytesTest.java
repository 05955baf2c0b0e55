package dev.userops.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.BadRecordPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Bytes written by format version 1 ({@code RFMA}) must keep reading back to the same result. */
class RfmGoldenBytesTest {
  static final RfmSpec SPEC = RfmSpec.of(ZoneId.of("Asia/Shanghai"), Instant.parse("2025-01-01T00:00:00Z"))
      .withMeasures(RfmSpec.Frequency.PURCHASE_DAYS, RfmSpec.Monetary.MEAN_PER_ORDER)
      .withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);

  /** The accumulator the golden file was written from. */
  static RfmAccumulator golden() {
    return SPEC.newAccumulator()
        .add(0, Instant.parse("2024-12-30T15:59:59Z").toEpochMilli(), 100)
        .add(0, Instant.parse("2024-12-30T16:00:00Z").toEpochMilli(), 250)
        .add(3, Instant.parse("2024-06-01T00:00:00Z").toEpochMilli(), 7)
        .add(1, -1, 5)
        .add(2, 0, 1L << 45);
  }

  @Test
  void version1BytesReadBack() throws IOException {
    byte[] bytes;
    try (InputStream in = RfmGoldenBytesTest.class.getResourceAsStream("/segmentation/golden/rfma-v1.bin")) {
      bytes = in.readAllBytes();
    }
    RfmAccumulator read = SPEC.accumulatorFromBytes(bytes);
    assertThat(read.result()).isEqualTo(golden().result());
    assertThat(read.toByteArray()).isEqualTo(bytes);
    RfmFeatures f = read.result();
    assertThat(f.size()).isEqualTo(3);
    assertThat(f.frequency(0)).as("two local dates in Shanghai").isEqualTo(2);
    assertThat(f.monetaryMinor(0)).isEqualTo(175);
    assertThat(f.spendMinor(1)).isEqualTo(1L << 45);
    assertThat(f.diagnostics().totalSkipped()).isEqualTo(1);
  }
}
