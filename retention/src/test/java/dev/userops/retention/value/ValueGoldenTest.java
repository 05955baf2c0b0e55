package dev.userops.retention.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Accumulator;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Bytes of format version 1, written when the format was released, must keep reading back. */
class ValueGoldenTest {
  static final LtvSpec LTV =
      LtvSpec.of(ZoneId.of("Asia/Shanghai"), Instant.parse("2026-03-01T00:00:00Z"), Granularity.MONTH, 2);
  static final AcquisitionSpec ACQUISITION = AcquisitionSpec.of(LTV.withFrom(LocalDate.of(2026, 1, 1)));

  /** The accumulator {@code ltv-v1.bin} was written from: attributes, re-based and pushed-out revenue. */
  static LtvAccumulator ltv() {
    return LTV.newAccumulator()
        .add(Order.of("a", 1, Instant.parse("2026-01-05T02:00:00Z"), 1000, OrderStatus.PAID), "ads")
        .add(1, millis("2026-02-20T02:00:00Z"), 250, "organic")
        .add(2, millis("2026-02-10T02:00:00Z"), 700, null)
        .add(2, millis("2026-01-31T18:00:00Z"), 300, "search")
        .add(7, millis("2025-12-10T02:00:00Z"), 50)
        .add(7, millis("2026-02-28T02:00:00Z"), 80);
  }

  /** The accumulator {@code acquisition-v1.bin} was written from: user 4 is before {@code from}. */
  static AcquisitionAccumulator acquisition() {
    return ACQUISITION.newAccumulator()
        .addSignup(1, millis("2026-01-02T02:00:00Z"), "ads")
        .add(1, millis("2026-01-05T02:00:00Z"), 1000, "web")
        .addSignup(3, millis("2026-02-02T02:00:00Z"), "organic")
        .add(4, millis("2025-12-30T02:00:00Z"), 90, "ads")
        .add(4, millis("2026-01-30T02:00:00Z"), 90, "ads");
  }

  @Test
  void ltvVersion1BytesReadBack() throws IOException {
    assertReadsBack("/retention/golden/ltv-v1.bin", ltv(), LtvAccumulator.class);
  }

  @Test
  void acquisitionVersion1BytesReadBack() throws IOException {
    assertReadsBack("/retention/golden/acquisition-v1.bin", acquisition(), AcquisitionAccumulator.class);
  }

  /** The golden bytes are {@code fresh}'s, and read back, checked or not, to its result and bytes. */
  private <A extends Accumulator<A, ?>> void assertReadsBack(String resource, A fresh, Class<A> type)
      throws IOException {
    byte[] bytes = read(resource);

    assertThat(bytes).isEqualTo(fresh.toByteArray());
    assertThat(fresh.spec().accumulatorFromBytes(bytes).result()).isEqualTo(fresh.result());
    assertThat(Accumulator.fromBytes(bytes, type).toByteArray()).isEqualTo(bytes);
  }

  private byte[] read(String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
