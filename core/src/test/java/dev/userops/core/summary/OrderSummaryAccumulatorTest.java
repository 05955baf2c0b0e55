package dev.userops.core.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Accumulator;
import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.ConfigException;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.testing.AccumulatorLaws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderSummaryAccumulatorTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant AS_OF = Instant.parse("2026-06-30T16:00:00Z");
  private static final OrderSummarySpec SKIP =
      new OrderSummarySpec(SHANGHAI, AS_OF, BadRecordPolicy.SKIP_AND_COUNT);

  private static Order order(String id, long user, String at, long amount, OrderStatus status) {
    return Order.of(id, user, Instant.parse(at), amount, status);
  }

  private static OrderSummary summarize(OrderSummarySpec spec, List<Order> orders) {
    OrderSummaryAccumulator acc = spec.newAccumulator();
    orders.forEach(acc::add);
    return acc.result();
  }

  @Test
  void handWorkedExample() {
    List<Order> orders =
        List.of(
            order("a", 1, "2026-01-31T16:30:00Z", 1000, OrderStatus.PAID), // Feb 1 in Shanghai
            order("b", 1, "2026-03-01T01:00:00Z", 250, OrderStatus.PAID),
            order("c", 2, "2026-03-02T01:00:00Z", 0, OrderStatus.PAID), // free order: valid
            order("d", 2, "2026-03-03T01:00:00Z", 999, OrderStatus.CANCELLED),
            order("e", 3, "2026-03-04T01:00:00Z", 500, OrderStatus.REFUNDED),
            order("f", 4, "2026-03-05T01:00:00Z", -1, OrderStatus.PAID),
            order("g", 4, "2026-07-01T00:00:00Z", 700, OrderStatus.PAID)); // after asOf

    OrderSummary summary = summarize(SKIP, orders);

    assertThat(summary.users()).isEqualTo(2);
    assertThat(summary.orders()).isEqualTo(3);
    assertThat(summary.revenueMinor()).isEqualTo(1250);
    assertThat(summary.cancelledOrders()).isEqualTo(1);
    assertThat(summary.refundedOrders()).isEqualTo(1);
    assertThat(summary.firstOrder()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(summary.lastOrder()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(summary.ordersPerUser()).containsExactly(Map.entry(1, 1L), Map.entry(2, 1L));
    assertThat(summary.usersWithAtLeast(2)).isEqualTo(1);
    assertThat(summary.meanOrdersPerUser()).isEqualTo(1.5);
    assertThat(summary.diagnostics().skipped())
        .containsExactly(
            Map.entry(BadRecordReason.NEGATIVE_AMOUNT, 1L), Map.entry(BadRecordReason.AFTER_AS_OF, 1L));
  }

  @Test
  void orderAtAsOfCountsAndBefore1970IsBad() {
    OrderSummary summary =
        summarize(
            SKIP,
            List.of(
                Order.of("a", 1, AS_OF, 10, OrderStatus.PAID),
                Order.of("b", 1, Instant.ofEpochMilli(-1), 10, OrderStatus.PAID)));
    assertThat(summary.orders()).isEqualTo(1);
    assertThat(summary.diagnostics().skipped(BadRecordReason.BEFORE_1970)).isEqualTo(1);
  }

  @Test
  void emptySummaryHasNoDates() {
    OrderSummary summary = SKIP.newAccumulator().result();
    assertThat(summary.users()).isZero();
    assertThat(summary.firstOrder()).isNull();
    assertThat(summary.lastOrder()).isNull();
    assertThat(summary.ordersPerUser()).isEmpty();
    assertThat(summary.meanOrdersPerUser()).isZero();
  }

  @Test
  void rejectPolicyNamesRecordIndexReasonAndValue() {
    OrderSummaryAccumulator acc = OrderSummarySpec.of(ZoneId.of("UTC")).newAccumulator();
    acc.add(1, 0, 10, OrderStatus.PAID);
    assertThatThrownBy(() -> acc.add(1, 0, -500, OrderStatus.PAID))
        .isInstanceOf(BadRecordException.class)
        .hasMessage("record 1: NEGATIVE_AMOUNT: amountMinor must be >= 0, got -500");
  }

  @Test
  void revenueOverflowThrowsInsteadOfWrapping() {
    OrderSummaryAccumulator acc = SKIP.newAccumulator();
    acc.add(1, 0, Long.MAX_VALUE, OrderStatus.PAID);
    assertThatThrownBy(() -> acc.add(2, 0, 1, OrderStatus.PAID)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void specJsonRoundTrips() {
    assertThat(OrderSummarySpec.fromJson(SKIP.toJson())).isEqualTo(SKIP);
    assertThat(SKIP.toJson())
        .isEqualTo("{\"version\":1,\"zone\":\"Asia/Shanghai\",\"asOf\":\"2026-06-30T16:00:00Z\",\"badRecords\":\"SKIP_AND_COUNT\"}");
    // Specs written before they carried a version read as version 1.
    assertThat(OrderSummarySpec.fromJson("{\"zone\":\"UTC\"}").badRecords()).isEqualTo(BadRecordPolicy.REJECT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"version":2,"zone":"UTC"}  | version: expected an integer in [1, 1], got 2
      null                        | expected an object, got null
      {"zone":"UTC","asof":null}  | asof: unknown field "asof"
      {}                          | zone must not be null
      """)
  void specJsonSaysWhatItRejects(String json, String problem) {
    assertThatThrownBy(() -> OrderSummarySpec.fromJson(json))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(problem);
  }

  @Property(tries = 200)
  void lawsHold(@ForAll @Size(max = 60) List<@From("order") Order> orders, @ForAll long seed) {
    AccumulatorLaws.of(SKIP, (OrderSummaryAccumulator acc, Order o) -> acc.add(o), OrderSummarySpec.of(ZoneId.of("UTC")))
        .check(orders, seed);
  }

  @Property(tries = 100)
  void recordAndPrimitivePathsAgree(@ForAll @Size(max = 60) List<@From("order") Order> orders) {
    OrderSummaryAccumulator primitive = SKIP.newAccumulator();
    orders.forEach(o -> primitive.add(o.userId(), o.occurredAtMillis(), o.amountMinor(), o.status()));
    assertThat(primitive.result()).isEqualTo(summarize(SKIP, orders));
    assertThat(orders.parallelStream().collect(SKIP.collector())).isEqualTo(primitive.result());
  }

  /** How the Spark adapter adds partitions of users: the sum of disjoint users' summaries is one pass. */
  @Property(tries = 200)
  void summariesOfDisjointUsersAddUpToOnePass(
      @ForAll @Size(max = 60) List<@From("order") Order> orders, @ForAll @IntRange(min = 1, max = 4) int parts) {
    List<OrderSummaryAccumulator> byUser = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      byUser.add(SKIP.newAccumulator());
    }
    orders.forEach(o -> byUser.get((int) (o.userId() % parts)).add(o));

    OrderSummary sum = byUser.get(0).result();
    for (int i = 1; i < parts; i++) {
      sum = sum.plus(byUser.get(i).result());
    }

    assertThat(sum).isEqualTo(summarize(SKIP, orders));
  }

  @Test
  void plusTakesTheEarlierFirstAndLaterLastOrderAndAddsTheHistogram() {
    OrderSummary early = summarize(SKIP, List.of(
        order("a", 1, "2026-02-01T02:00:00Z", 100, OrderStatus.PAID),
        order("b", 1, "2026-02-03T02:00:00Z", 100, OrderStatus.PAID)));
    OrderSummary late = summarize(SKIP, List.of(
        order("c", 2, "2026-03-01T02:00:00Z", 50, OrderStatus.PAID),
        order("d", 3, "2026-02-02T02:00:00Z", -1, OrderStatus.PAID)));
    OrderSummary none = summarize(SKIP, List.of());

    OrderSummary sum = early.plus(late).plus(none);

    assertThat(sum.users()).isEqualTo(2);
    assertThat(sum.revenueMinor()).isEqualTo(250);
    assertThat(sum.firstOrder()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(sum.lastOrder()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(sum.ordersPerUser()).containsExactly(Map.entry(1, 1L), Map.entry(2, 1L));
    assertThat(sum.diagnostics().skipped()).containsExactly(Map.entry(BadRecordReason.NEGATIVE_AMOUNT, 1L));
    assertThat(none.plus(late).plus(early)).isEqualTo(sum);
  }

  @Test
  void plusRefusesRevenueThatOverflows() {
    OrderSummary rich = summarize(SKIP, List.of(order("a", 1, "2026-02-01T02:00:00Z", Long.MAX_VALUE, OrderStatus.PAID)));
    OrderSummary one = summarize(SKIP, List.of(order("b", 2, "2026-02-01T02:00:00Z", 1, OrderStatus.PAID)));

    assertThatThrownBy(() -> rich.plus(one)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> rich.plus(null)).isInstanceOf(NullPointerException.class);
  }

  @Provide
  Arbitrary<Order> order() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 12),
            Arbitraries.longs().between(-86_400_000L, AS_OF.toEpochMilli() + 86_400_000L),
            Arbitraries.longs().between(-5, 1_000_000),
            Arbitraries.of(OrderStatus.class))
        .as((user, at, amount, status) -> Order.of("o", user, Instant.ofEpochMilli(at), amount, status));
  }

  /** Bytes in format version 1, written when the format was released. */
  @Test
  void version1BytesStillRead() throws IOException {
    OrderSummaryAccumulator fresh = SKIP.newAccumulator()
        .add(order("o1", 1, "2026-06-01T10:00:00Z", 12_50, OrderStatus.PAID))
        .add(order("o2", 1, "2026-06-02T10:00:00Z", 8_00, OrderStatus.PAID))
        .add(order("o3", 2, "2026-06-03T10:00:00Z", 3_00, OrderStatus.PAID))
        .add(order("o4", 3, "2026-06-04T10:00:00Z", -1, OrderStatus.PAID));
    Path golden = Path.of("src/test/resources/core/golden/order-summary-v1.bin");
    byte[] v1 = Files.readAllBytes(golden);
    assertThat(fresh.toByteArray()).isEqualTo(v1);
    assertThat(Accumulator.fromBytes(v1, OrderSummaryAccumulator.class).result()).isEqualTo(fresh.result());
  }
}
