package dev.userops.retention.repurchase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.retention.repurchase.RepurchaseResult.Cohort;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Bytes of format version 1, written once, must keep reading back to the same result. */
class RepurchaseGoldenTest {
  static final RepurchaseSpec SPEC =
      RepurchaseSpec.of(ZoneId.of("Asia/Shanghai"), Instant.parse("2026-03-01T00:00:00Z"));

  /** The accumulator the golden file was written from. */
  static RepurchaseAccumulator golden() {
    return SPEC.newAccumulator()
        .add(1, Instant.parse("2026-01-05T02:00:00Z").toEpochMilli())
        .add(1, Instant.parse("2026-01-20T02:00:00Z").toEpochMilli())
        .add(2, Instant.parse("2026-01-31T18:00:00Z").toEpochMilli())
        .add(7, Instant.parse("2026-02-10T02:00:00Z").toEpochMilli())
        .add(7, Instant.parse("2026-02-10T03:00:00Z").toEpochMilli());
  }

  @Test
  void version1BytesReadBack() throws IOException {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/retention/golden/repurchase-v1.bin")) {
      bytes = in.readAllBytes();
    }

    RepurchaseResult result = SPEC.accumulatorFromBytes(bytes).result();

    assertThat(result).isEqualTo(golden().result());
    assertThat(result.cohorts())
        .containsExactly(
            new Cohort(LocalDate.of(2026, 1, 1), 1, 1, 1),
            new Cohort(LocalDate.of(2026, 2, 1), 2, 0, 0));
    assertThat(SPEC.accumulatorFromBytes(bytes).toByteArray()).isEqualTo(bytes);
  }
}
