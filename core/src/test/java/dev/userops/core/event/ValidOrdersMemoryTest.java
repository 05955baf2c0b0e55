package dev.userops.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.testing.StateSize;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link ValidOrders} grows linearly in orders. Per order the design holds four {@code long}s and a
 * status byte in arrays grown by doubling (33 to 66 bytes) and the order id in an id table (its
 * UTF-8 length plus at most 16 bytes): 66 + 10 + 16 for ids like {@code o000012345}.
 */
class ValidOrdersMemoryTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

  static ValidOrders filled(int orders) {
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.REJECT, null);
    for (int i = 0; i < orders; i++) {
      valid.addOrder(Order.of(String.format("o%09d", i * 7_919L % 1_000_000_000), i % 1_000,
          FROM.plusSeconds(i), 1_000, OrderStatus.PAID));
    }
    return valid;
  }

  @Test
  void heapIsLinearInOrders() {
    StateSize.assertHeapLinear(ValidOrdersMemoryTest::filled, "orders", 66 + 10 + 16, 8_192);
  }

  @Test
  void filledJoinPassesEveryOrderOn() {
    long[] count = new long[1];
    filled(1_000).forEach((user, millis, amount) -> count[0]++);
    assertThat(count[0]).isEqualTo(1_000);
  }
}
