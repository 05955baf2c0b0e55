package dev.userops.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.testing.StateSize;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * {@link RfmAccumulator} state grows linearly in users. The design: one 16-byte slot per dense user
 * id in an array whose capacity at most doubles past the largest id, so at most 32 heap bytes per
 * user; {@code toByteArray()} writes 28 (id, last order, orders, spend). Under {@link
 * RfmSpec.Frequency#PURCHASE_DAYS} each (user, day) pair adds an 8-byte key of an open-addressing
 * table with load factor between 1/4 and 1/2 (at most 32 heap bytes) and 8 serialized bytes.
 */
class RfmMemoryTest {
  private static final Instant AS_OF = Instant.parse("2026-02-01T00:00:00Z");
  /** Orders per user, each on its own day. */
  private static final int DAYS = 3;

  private static RfmAccumulator filled(RfmSpec.Frequency frequency, int users) {
    RfmSpec spec = new RfmSpec(ZoneId.of("UTC"), AS_OF, frequency, null, BadRecordPolicy.REJECT);
    return StateSize.filled(spec, users, LocalDate.of(2026, 1, 1), new int[] {0, 1, 2}, 5,
        (acc, user, epochMillis) -> acc.add(user, epochMillis, 1_000 + user % 97));
  }

  @Test
  void ordersStateIsLinearInUsers() {
    StateSize.assertLinear(users -> filled(RfmSpec.Frequency.ORDERS, users), 32, 28, 1_024);
  }

  @Test
  void purchaseDaysStateIsLinearInUserDays() {
    StateSize.assertLinear(
        users -> filled(RfmSpec.Frequency.PURCHASE_DAYS, users), 32 + 32 * DAYS, 28 + 8 * DAYS, 1_024);
  }

  @Test
  void filledAccumulatorHoldsEveryUser() {
    RfmFeatures features = filled(RfmSpec.Frequency.PURCHASE_DAYS, 1_000).result();
    assertThat(features.size()).isEqualTo(1_000);
    assertThat(features.frequency(999)).isEqualTo(DAYS);
  }
}
