package dev.userops.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.event.OrderStatus;
import dev.userops.core.testing.StateSize;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderSummaryAccumulator} state grows linearly in distinct buyers. Per buyer the design
 * holds one slot of {@code UserOrderCounts} (a {@code long} id and an {@code int} count, 12 bytes)
 * at a load factor between 1/4 and 1/2, so at most 48 heap bytes, and writes 12 bytes (id and
 * count) in {@code toByteArray()}.
 */
class OrderSummaryMemoryTest {
  private static final OrderSummarySpec SPEC = OrderSummarySpec.of(ZoneId.of("UTC"));

  /** {@code users} buyers with ids spread over the long range, three paid orders each. */
  static OrderSummaryAccumulator filled(int users) {
    return StateSize.filled(SPEC, users, LocalDate.of(2026, 1, 1), new int[] {0, 1, 2}, 1,
        (acc, user, epochMillis) -> acc.add(user * 1_000_003L, epochMillis, 1_000, OrderStatus.PAID));
  }

  @Test
  void stateIsLinearInBuyers() {
    StateSize.assertLinear(OrderSummaryMemoryTest::filled, 48, 12, 1_024);
  }

  @Test
  void filledAccumulatorHoldsEveryBuyer() {
    assertThat(filled(1_000).result().users()).isEqualTo(1_000);
  }
}
