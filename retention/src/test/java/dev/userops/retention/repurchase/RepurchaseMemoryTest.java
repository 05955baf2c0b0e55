package dev.userops.retention.repurchase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.StateSize;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * {@link RepurchaseAccumulator} state grows linearly in users. The design: two longs (16 bytes) per
 * dense user id in an array grown by half, so at most 24 heap bytes per user; {@code toByteArray()}
 * writes 20 (id and both words).
 */
class RepurchaseMemoryTest {
  private static final RepurchaseSpec SPEC =
      RepurchaseSpec.of(ZoneId.of("UTC"), Instant.parse("2026-12-31T23:59:59.999Z"));
  private static final int[] ORDER_DAYS = {0, 20, 200};

  /** {@code users} buyers with three orders each, shifted by {@code user % 31} days. */
  private static RepurchaseAccumulator filled(int users) {
    return StateSize.filled(SPEC, users, LocalDate.of(2026, 1, 1), ORDER_DAYS, 31, RepurchaseAccumulator::add);
  }

  @Test
  void stateIsLinearInUsers() {
    StateSize.assertLinear(RepurchaseMemoryTest::filled, 24, 20, 1_024);
  }

  @Test
  void filledAccumulatorHoldsEveryUser() {
    RepurchaseResult result = filled(1_000).result();
    assertThat(result.buyers()).isEqualTo(1_000);
    assertThat(result.buyersWith3Plus()).isEqualTo(1_000);
  }
}
