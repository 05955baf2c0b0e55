package dev.userops.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ValidOrdersTest {
  private static final Instant AS_OF = Instant.parse("2026-07-01T00:00:00Z");

  record Purchase(long userId, long epochMillis, long amountMinor) {}

  private static Instant day(int d) {
    return Instant.parse("2026-06-01T00:00:00Z").plusSeconds(86_400L * d);
  }

  private static Order paid(String id, long user, int day, long amount) {
    return Order.of(id, user, day(day), amount, OrderStatus.PAID);
  }

  private static Refund refund(String id, String orderId, int day, long amount) {
    return new Refund(id, orderId, 0, day(day), amount);
  }

  private static List<Purchase> purchases(ValidOrders valid) {
    List<Purchase> out = new ArrayList<>();
    valid.forEach((user, millis, amount) -> out.add(new Purchase(user, millis, amount)));
    return out;
  }

  private static ValidOrders feed(RefundTreatment treatment, List<Object> records) {
    ValidOrders valid = ValidOrders.create(treatment, BadRecordPolicy.SKIP_AND_COUNT, AS_OF);
    for (Object r : records) {
      if (r instanceof Order o) {
        valid.addOrder(o);
      } else {
        valid.addRefund((Refund) r);
      }
    }
    return valid;
  }

  private static List<Object> handWorked() {
    return List.of(
        refund("r0", "a", 3, 300), // arrives before its order
        paid("a", 1, 1, 1000),
        paid("b", 1, 2, 500),
        refund("r1", "b", 4, 200),
        refund("r2", "b", 5, 300), // b now refunded in full
        Order.of("c", 2, day(2), 700, OrderStatus.REFUNDED),
        Order.of("d", 2, day(3), 900, OrderStatus.CANCELLED),
        paid("e", 3, 3, 0), // a free order is a purchase
        refund("r3", "zz", 5, 1),
        refund("r4", "d", 5, 1),
        refund("r5", "a", 6, 701), // 700 left of a
        paid("a", 9, 9, 5), // duplicate id
        paid("f", 4, 40, 5), // after asOf
        refund("r6", "a", 40, 5)); // after asOf
  }

  @Test
  void netTreatmentJoinsRefundsToTheirOrders() {
    ValidOrders valid = feed(RefundTreatment.NET, handWorked());
    assertThat(purchases(valid))
        .containsExactly(
            new Purchase(1, day(1).toEpochMilli(), 700), new Purchase(3, day(3).toEpochMilli(), 0));
    assertThat(valid.diagnostics().skipped())
        .containsExactly(
            Map.entry(BadRecordReason.AFTER_AS_OF, 2L),
            Map.entry(BadRecordReason.DUPLICATE_ORDER_ID, 1L),
            Map.entry(BadRecordReason.REFUND_OF_UNKNOWN_ORDER, 1L),
            Map.entry(BadRecordReason.REFUND_OF_UNPAID_ORDER, 1L),
            Map.entry(BadRecordReason.REFUND_EXCEEDS_ORDER, 1L));
  }

  @Test
  void grossTreatmentIgnoresRefundsButNotCancellations() {
    assertThat(purchases(feed(RefundTreatment.GROSS, handWorked())))
        .containsExactly(
            new Purchase(1, day(1).toEpochMilli(), 1000),
            new Purchase(1, day(2).toEpochMilli(), 500),
            new Purchase(2, day(2).toEpochMilli(), 700),
            new Purchase(3, day(3).toEpochMilli(), 0));
  }

  @Property(tries = 50)
  void inputOrderDoesNotChangeTheOutcome(@ForAll long seed) {
    // Without the duplicate id: which of two orders with one id comes first is input order itself.
    List<Object> records = new ArrayList<>(handWorked());
    records.removeIf(r -> r instanceof Order o && o.userId() == 9);
    List<Object> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(seed));
    ValidOrders valid = feed(RefundTreatment.NET, shuffled);
    ValidOrders inOrder = feed(RefundTreatment.NET, records);
    assertThat(purchases(valid)).containsExactlyInAnyOrderElementsOf(purchases(inOrder));
    assertThat(valid.diagnostics()).isEqualTo(inOrder.diagnostics());
  }

  @Test
  void rejectThrowsForBadRefundsWhenTheyAreApplied() {
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.REJECT, null);
    valid.addOrder(paid("a", 1, 1, 100));
    valid.addRefund(refund("r", "a", 2, 101));
    assertThatThrownBy(() -> valid.forEach((u, t, a) -> {}))
        .isInstanceOf(BadRecordException.class)
        .hasMessage("record 1: REFUND_EXCEEDS_ORDER: refund r of 101 exceeds the 100 left of orderId a");
    assertThatThrownBy(() -> valid.addOrder(paid("b", 1, 1, 1))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keptOrdersAreIndexedInTheOrderTheyWereAdded() {
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.SKIP_AND_COUNT, AS_OF);
    List<String> kept = new ArrayList<>();
    for (Order order : List.of(paid("a", 1, 1, 100), paid("a", 2, 2, 5), paid("b", 1, 2, -1),
        Order.of("c", 2, day(3), 7, OrderStatus.CANCELLED), paid("d", 3, 4, 9))) {
      if (valid.addOrder(order)) {
        kept.add(order.orderId());
      }
    }
    List<String> visited = new ArrayList<>();
    valid.forEachIndexed((index, user, millis, amount) -> visited.add(kept.get(index) + ":" + user + ":" + amount));

    assertThat(kept).containsExactly("a", "c", "d");
    // The cancelled order is kept (it holds its id against duplicates) but is not a purchase.
    assertThat(visited).containsExactly("a:1:100", "d:3:9");
    assertThat(valid.diagnostics().skipped()).containsOnlyKeys(
        BadRecordReason.DUPLICATE_ORDER_ID, BadRecordReason.NEGATIVE_AMOUNT);
  }

  @Test
  void treatmentsAgreeOnStatusesWithoutRefunds() {
    assertThat(RefundTreatment.NET.counts(OrderStatus.PAID)).isTrue();
    assertThat(RefundTreatment.NET.counts(OrderStatus.REFUNDED)).isFalse();
    assertThat(RefundTreatment.GROSS.counts(OrderStatus.REFUNDED)).isTrue();
    assertThat(RefundTreatment.GROSS.counts(OrderStatus.CANCELLED)).isFalse();
  }
}
