package dev.userops.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.event.OrderStatus;
import dev.userops.core.testing.StateSize;
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
  private static final long START_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  private static final int ORDERS_PER_USER = 3;

  /** {@code users} buyers with ids spread over the long range, three paid orders each. */
  static OrderSummaryAccumulator filled(int users) {
    OrderSummaryAccumulator acc = SPEC.newAccumulator();
    for (int order = 0; order < ORDERS_PER_USER; order++) {
      for (int user = 0; user < users; user++) {
        acc.add(user * 1_000_003L, START_MILLIS + order * 86_400_000L, 1_000, OrderStatus.PAID);
      }
    }
    return acc;
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
