package dev.userops.retention.repurchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.RefundTreatment;
import dev.userops.retention.repurchase.RepurchaseResult.Cohort;
import dev.userops.retention.repurchase.RepurchaseResult.TimeToSecondOrder;
import dev.userops.retention.testing.DisjointUsers;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RepurchaseResultTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant AS_OF = Instant.parse("2026-05-20T07:00:00Z");

  /** How the Spark adapter adds partitions of users: the sum of disjoint users' results is one pass. */
  @Property(tries = 60)
  void resultsOfDisjointUsersAddUpToOnePass(@ForAll @IntRange(min = 0, max = 300) int count, @ForAll long seed) {
    Random random = new Random(seed);
    Granularity[] periods = Granularity.values();
    RepurchaseSpec spec = new RepurchaseSpec(SHANGHAI, AS_OF, 1 + random.nextInt(60), periods[random.nextInt(3)],
        random.nextBoolean(), periods[random.nextInt(3)], random.nextBoolean() ? DayOfWeek.MONDAY : DayOfWeek.SUNDAY,
        random.nextBoolean() ? RefundTreatment.GROSS : RefundTreatment.NET, BadRecordPolicy.SKIP_AND_COUNT,
        RepurchaseAccumulatorTest.randomCurveDays(random));
    List<Order> orders = RepurchaseAccumulatorTest.randomOrders(seed, count);

    RepurchaseResult sum = DisjointUsers.assertPartsAddUp(spec, orders, Order::userId, RepurchaseAccumulator::add,
        RepurchaseResult::plus, 1 + random.nextInt(4));

    assertThat(RepurchaseResult.fromJson(sum.toJson())).isEqualTo(sum);
  }

  @Test
  void addsCohortsOfEitherAndQuantilesFromTheSummedDistribution() {
    RepurchaseSpec spec = RepurchaseSpec.of(ZoneId.of("UTC"), AS_OF).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    // User 1 repurchases after 2 days in January; user 2 after 40 days in March; user 3 has a bad order.
    RepurchaseResult january = run(spec, paid(1, "2026-01-05T10:00:00Z"), paid(1, "2026-01-07T10:00:00Z"));
    RepurchaseResult march = run(spec, paid(2, "2026-03-01T10:00:00Z"), paid(2, "2026-04-10T10:00:00Z"),
        paid(3, "2026-03-02T10:00:00Z"), Order.of("bad", 3, Instant.parse("2026-03-03T10:00:00Z"), -1,
            OrderStatus.PAID));

    RepurchaseResult sum = january.plus(march);

    assertThat(sum.cohorts()).extracting(Cohort::start)
        .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1));
    assertThat(sum.timeToSecondOrder()).isEqualTo(new TimeToSecondOrder(Map.of(2, 1L, 40, 1L)));
    // Nearest rank over two repeat buyers: the median is the first, p90 the second.
    assertThat(sum.timeToSecondOrder().medianDays()).isEqualTo(2);
    assertThat(sum.timeToSecondOrder().p90Days()).isEqualTo(40);
    assertThat(sum.buyers()).isEqualTo(3);
    assertThat(sum.orders()).isEqualTo(5);
    assertThat(sum.diagnostics().skipped(BadRecordReason.NEGATIVE_AMOUNT)).isEqualTo(1);
    assertThat(march.plus(january)).isEqualTo(sum);
    assertThat(sum.timeToSecondOrder().toString()).contains("2=1");
  }

  @Test
  void anEmptyDistributionHasNoQuantiles() {
    TimeToSecondOrder none = new TimeToSecondOrder(Map.of());

    assertThat(none.repeatBuyers()).isZero();
    assertThat(none.medianDays()).isNull();
    assertThat(none.p90Days()).isNull();
    assertThatThrownBy(() -> new TimeToSecondOrder(Map.of(3, 0L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 days with 0");
    assertThatThrownBy(() -> new TimeToSecondOrder(Map.of(-1, 2L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1 days");
  }

  @Test
  void refusesResultsOfDifferentSpecs() {
    RepurchaseSpec base = RepurchaseSpec.of(ZoneId.of("UTC"), AS_OF);
    Order[] orders = {paid(1, "2026-01-05T10:00:00Z"), paid(1, "2026-01-07T10:00:00Z")};
    RepurchaseResult result = run(base, orders);

    for (RepurchaseSpec other : List.of(base.withWindowDays(7), base.withCohort(Granularity.WEEK),
        base.withNextPeriod(Granularity.WEEK), base.withCurveDays(List.of(1, 2)),
        RepurchaseSpec.of(ZoneId.of("UTC"), Instant.parse("2026-01-20T00:00:00Z")))) {
      assertThatThrownBy(() -> result.plus(run(other, paid(2, "2026-01-06T10:00:00Z"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("different specs");
    }
  }

  private static Order paid(long user, String at) {
    return Order.of("o-" + user + "-" + at, user, Instant.parse(at), 100, OrderStatus.PAID);
  }

  private static RepurchaseResult run(RepurchaseSpec spec, Order... orders) {
    RepurchaseAccumulator accumulator = spec.newAccumulator();
    for (Order order : orders) {
      accumulator.add(order);
    }
    return accumulator.result();
  }
}
