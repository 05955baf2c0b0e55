package dev.userops.retention.repurchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.Refund;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.testing.AccumulatorLaws;
import dev.userops.retention.repurchase.RepurchaseResult.Cohort;
import dev.userops.retention.repurchase.RepurchaseResult.CurvePoint;
import dev.userops.retention.repurchase.RepurchaseResult.NextPeriod;
import dev.userops.retention.repurchase.RepurchaseResult.TimeToSecondOrder;
import dev.userops.sample.SyntheticShop;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RepurchaseAccumulatorTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");

  private static int ids;

  private static Order paid(long user, String at) {
    return Order.of("o" + ids++, user, Instant.parse(at), 100, OrderStatus.PAID);
  }

  private static RepurchaseResult run(RepurchaseSpec spec, Order... orders) {
    RepurchaseAccumulator acc = spec.newAccumulator();
    for (Order order : orders) {
      acc.add(order);
    }
    return acc.result();
  }

  private static Cohort cohort(RepurchaseResult result, String start) {
    return result.cohorts().stream()
        .filter(c -> c.start().equals(LocalDate.parse(start)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cohort " + start + " in " + result.cohorts()));
  }

  @Test
  void thirtyDayWindowIsDaysOneToThirtyAndOnlyMatureUsersCount() {
    // asOf 2026-03-01T00:00Z: the last complete day is 02-28, so d0 + 30 <= 02-28 means d0 <=
    // 01-29.
    RepurchaseResult result =
        run(
            RepurchaseSpec.of(UTC, AS_OF),
            paid(1, "2026-01-05T10:00:00Z"),
            paid(1, "2026-01-20T10:00:00Z"), // +15: repurchase
            paid(2, "2026-01-10T10:00:00Z"),
            paid(2, "2026-02-09T23:59:00Z"), // +30: repurchase
            paid(3, "2026-01-10T10:00:00Z"),
            paid(3, "2026-02-10T00:00:00Z"), // +31: too late
            paid(4, "2026-01-29T10:00:00Z"), // mature, no repurchase
            paid(5, "2026-01-30T10:00:00Z"),
            paid(5, "2026-02-01T10:00:00Z"), // immature
            paid(6, "2026-02-03T10:00:00Z"));

    assertThat(result.cohorts())
        .containsExactly(
            new Cohort(LocalDate.of(2026, 1, 1), 5, 4, 2),
            new Cohort(LocalDate.of(2026, 2, 1), 1, 0, 0));
    assertThat(cohort(result, "2026-01-01").rate()).isEqualTo(OptionalDouble.of(0.5));
    assertThat(cohort(result, "2026-01-01").immature()).isEqualTo(1);
    assertThat(cohort(result, "2026-02-01").rate()).isEmpty();
    assertThat(result.pooled()).isEqualTo(new RepurchaseResult.Rate(4, 2));
    assertThat(result.simpleMeanRate()).isEqualTo(OptionalDouble.of(0.5));
    // Gaps 15, 30, 31, 2: nearest-rank median is the 2nd of 4, p90 the 4th.
    assertThat(result.timeToSecondOrder()).isEqualTo(new TimeToSecondOrder(Map.of(2, 1L, 15, 1L, 30, 1L, 31, 1L)));
    assertThat(result.timeToSecondOrder().repeatBuyers()).isEqualTo(4);
    assertThat(result.timeToSecondOrder().medianDays()).isEqualTo(15);
    assertThat(result.timeToSecondOrder().p90Days()).isEqualTo(31);
    assertThat(result.buyers()).isEqualTo(6);
    assertThat(result.buyersWith2Plus()).isEqualTo(4);
    assertThat(result.buyersWith3Plus()).isZero();
    assertThat(result.orders()).isEqualTo(10);
  }

  @Test
  void pooledAndSimpleMeanDifferWhenCohortSizesDiffer() {
    RepurchaseResult result =
        run(
            RepurchaseSpec.of(UTC, AS_OF).withCohort(Granularity.DAY),
            paid(1, "2026-01-01T10:00:00Z"),
            paid(1, "2026-01-02T10:00:00Z"),
            paid(2, "2026-01-03T10:00:00Z"),
            paid(3, "2026-01-03T11:00:00Z"),
            paid(4, "2026-01-03T12:00:00Z"));

    assertThat(result.pooled().rate()).isEqualTo(OptionalDouble.of(0.25));
    assertThat(result.simpleMeanRate()).isEqualTo(OptionalDouble.of(0.5));
  }

  @Test
  void sameDayOrdersCountOnlyWithTheOption() {
    Order[] orders = {
      paid(1, "2026-01-05T08:00:00Z"),
      paid(1, "2026-01-05T20:00:00Z"),
      paid(1, "2026-02-20T08:00:00Z")
    };
    RepurchaseResult strict = run(RepurchaseSpec.of(UTC, AS_OF), orders);
    RepurchaseResult lenient = run(RepurchaseSpec.of(UTC, AS_OF).withSameDay(true), orders);

    assertThat(strict.cohorts()).containsExactly(new Cohort(LocalDate.of(2026, 1, 1), 1, 1, 0));
    assertThat(strict.timeToSecondOrder()).isEqualTo(new TimeToSecondOrder(Map.of(46, 1L)));
    assertThat(lenient.cohorts()).containsExactly(new Cohort(LocalDate.of(2026, 1, 1), 1, 1, 1));
    assertThat(lenient.timeToSecondOrder()).isEqualTo(new TimeToSecondOrder(Map.of(0, 1L)));
    assertThat(strict.buyersWith3Plus()).isEqualTo(1);
  }

  @Test
  void zonesEastAndWestOfUtcMoveDaysAndCohorts() {
    // 10:00Z and 20:00Z on one UTC day are two local days in Shanghai (UTC+8).
    Order[] sameUtcDay = {paid(1, "2026-01-01T10:00:00Z"), paid(1, "2026-01-01T20:00:00Z")};
    assertThat(run(RepurchaseSpec.of(UTC, AS_OF), sameUtcDay).pooled().repurchasers()).isZero();
    assertThat(run(RepurchaseSpec.of(SHANGHAI, AS_OF), sameUtcDay).pooled().repurchasers()).isOne();

    // +30 days in UTC and New York (UTC-5), +31 in Shanghai where the second order is next day.
    Order[] east = {paid(2, "2026-01-01T10:00:00Z"), paid(2, "2026-01-31T20:00:00Z")};
    assertThat(run(RepurchaseSpec.of(UTC, AS_OF), east).pooled())
        .isEqualTo(new RepurchaseResult.Rate(1, 1));
    assertThat(run(RepurchaseSpec.of(NEW_YORK, AS_OF), east).pooled())
        .isEqualTo(new RepurchaseResult.Rate(1, 1));
    assertThat(run(RepurchaseSpec.of(SHANGHAI, AS_OF), east).pooled())
        .isEqualTo(new RepurchaseResult.Rate(1, 0));

    // In New York the first order is still on 2026-01-01 local (22:00), the second 31 days later.
    Order[] west = {paid(3, "2026-01-02T03:00:00Z"), paid(3, "2026-02-01T10:00:00Z")};
    assertThat(run(RepurchaseSpec.of(UTC, AS_OF), west).pooled())
        .isEqualTo(new RepurchaseResult.Rate(1, 1));
    assertThat(run(RepurchaseSpec.of(NEW_YORK, AS_OF), west).pooled())
        .isEqualTo(new RepurchaseResult.Rate(1, 0));

    // The same instant starts a January cohort in UTC and a February one in Shanghai.
    Order lateJanuary = paid(4, "2026-01-31T18:00:00Z");
    assertThat(run(RepurchaseSpec.of(UTC, AS_OF), lateJanuary).cohorts().get(0).start())
        .isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(run(RepurchaseSpec.of(SHANGHAI, AS_OF), lateJanuary).cohorts().get(0).start())
        .isEqualTo(LocalDate.of(2026, 2, 1));
  }

  @Test
  void daysAcrossDstAreCalendarDaysAndMaturityEndsAtLocalMidnight() {
    // 2026-03-08 is 23 hours long in New York. 23:30 EST on 03-07 and 23:30 EDT on 03-08 are 23
    // hours apart but on consecutive local days: a 1-day repurchase.
    Instant asOf = Instant.parse("2026-04-01T00:00:00Z");
    RepurchaseResult oneDay =
        run(
            RepurchaseSpec.of(NEW_YORK, asOf).withWindowDays(1),
            paid(1, "2026-03-08T04:30:00Z"),
            paid(1, "2026-03-09T03:30:00Z"));
    assertThat(oneDay.pooled()).isEqualTo(new RepurchaseResult.Rate(1, 1));
    assertThat(oneDay.timeToSecondOrder().medianDays()).isOne();

    // First order on 02-06 local: day +30 is 03-08, which ends at 2026-03-09T04:00Z (EDT midnight).
    Order first = paid(2, "2026-02-06T15:00:00Z");
    assertThat(
            run(RepurchaseSpec.of(NEW_YORK, Instant.parse("2026-03-09T04:00:00Z")), first)
                .pooled()
                .eligible())
        .isOne();
    // asOf is inclusive, so its last millisecond completes the day; one millisecond earlier does
    // not.
    assertThat(
            run(RepurchaseSpec.of(NEW_YORK, Instant.parse("2026-03-09T03:59:59.999Z")), first)
                .pooled()
                .eligible())
        .isOne();
    assertThat(
            run(RepurchaseSpec.of(NEW_YORK, Instant.parse("2026-03-09T03:59:59.998Z")), first)
                .pooled()
                .eligible())
        .isZero();
  }

  @Test
  void windowsCrossMonthEndsAndTheLeapDay() {
    Instant asOf = Instant.parse("2024-06-01T00:00:00Z");
    // 2024-01-30 + 30 days is 2024-02-29; in 2025 it would be 03-01.
    RepurchaseResult result =
        run(
            RepurchaseSpec.of(UTC, asOf),
            paid(1, "2024-01-30T12:00:00Z"),
            paid(1, "2024-02-29T12:00:00Z"),
            paid(2, "2024-01-30T12:00:00Z"),
            paid(2, "2024-03-01T00:00:00Z"));
    assertThat(result.cohorts()).containsExactly(new Cohort(LocalDate.of(2024, 1, 1), 2, 2, 1));
    // Next month: both bought in January; user 1 in February too, user 2 in March.
    assertThat(result.nextPeriods())
        .startsWith(
            new NextPeriod(LocalDate.of(2024, 1, 1), 2, 1, true),
            new NextPeriod(LocalDate.of(2024, 2, 1), 1, 0, true),
            new NextPeriod(LocalDate.of(2024, 3, 1), 1, 0, true));

    RepurchaseResult leapCohort =
        run(
            RepurchaseSpec.of(UTC, asOf).withCohort(Granularity.WEEK),
            paid(3, "2024-02-29T12:00:00Z"));
    assertThat(leapCohort.cohorts().get(0).start()).isEqualTo(LocalDate.of(2024, 2, 26)); // Monday
  }

  @Test
  void nextPeriodIsUnknownUntilTheNextPeriodIsComplete() {
    Instant asOf = Instant.parse("2026-03-15T00:00:00Z");
    RepurchaseResult result =
        run(
            RepurchaseSpec.of(UTC, asOf),
            paid(1, "2026-01-10T00:00:00Z"),
            paid(1, "2026-02-10T00:00:00Z"),
            paid(1, "2026-03-10T00:00:00Z"),
            paid(2, "2026-01-11T00:00:00Z"),
            paid(2, "2026-01-12T00:00:00Z"),
            paid(3, "2026-02-11T00:00:00Z"));

    assertThat(result.nextPeriods())
        .containsExactly(
            new NextPeriod(LocalDate.of(2026, 1, 1), 2, 1, true),
            new NextPeriod(LocalDate.of(2026, 2, 1), 2, 1, false),
            new NextPeriod(LocalDate.of(2026, 3, 1), 1, 0, false));
    assertThat(result.nextPeriods().get(0).rate()).isEqualTo(OptionalDouble.of(0.5));
    assertThat(result.nextPeriods().get(1).rate()).isEmpty();
  }

  @Test
  void nextWeekFollowsTheWeekStart() {
    // 2026-01-03 is a Saturday, 2026-01-04 a Sunday: the same Monday week, different Sunday weeks.
    Order[] orders = {paid(1, "2026-01-03T12:00:00Z"), paid(1, "2026-01-04T12:00:00Z")};
    RepurchaseSpec monday = RepurchaseSpec.of(UTC, AS_OF).withNextPeriod(Granularity.WEEK);
    RepurchaseSpec sunday =
        new RepurchaseSpec(
            UTC, AS_OF, 30, null, false, Granularity.WEEK, DayOfWeek.SUNDAY, null, null, null);

    assertThat(run(monday, orders).nextPeriods().get(0))
        .isEqualTo(new NextPeriod(LocalDate.of(2025, 12, 29), 1, 0, true));
    assertThat(run(sunday, orders).nextPeriods().get(0))
        .isEqualTo(new NextPeriod(LocalDate.of(2025, 12, 28), 1, 1, true));
  }

  @Test
  void aFullyRefundedFirstOrderIsNotTheFirstOrder() {
    List<Order> orders =
        List.of(
            Order.of("a", 1, Instant.parse("2026-01-01T10:00:00Z"), 500, OrderStatus.PAID),
            Order.of("b", 1, Instant.parse("2026-01-20T10:00:00Z"), 300, OrderStatus.PAID),
            Order.of("c", 1, Instant.parse("2026-02-25T10:00:00Z"), 300, OrderStatus.PAID));
    Refund refundOfA = new Refund("r", "a", 1, Instant.parse("2026-01-02T10:00:00Z"), 500);

    RepurchaseResult net = viaValidOrders(RefundTreatment.NET, orders, refundOfA);
    RepurchaseResult gross = viaValidOrders(RefundTreatment.GROSS, orders, refundOfA);

    // Net: the first valid order is b (01-20), then c 36 days later. Gross: a, then b 19 days
    // later.
    assertThat(net.cohorts()).containsExactly(new Cohort(LocalDate.of(2026, 1, 1), 1, 1, 0));
    assertThat(net.timeToSecondOrder().medianDays()).isEqualTo(36);
    assertThat(gross.cohorts()).containsExactly(new Cohort(LocalDate.of(2026, 1, 1), 1, 1, 1));
    assertThat(gross.timeToSecondOrder().medianDays()).isEqualTo(19);

    // The same by status on the record path.
    Order refundedA =
        Order.of("a", 1, Instant.parse("2026-01-01T10:00:00Z"), 500, OrderStatus.REFUNDED);
    Order cancelledB =
        Order.of("b", 1, Instant.parse("2026-01-20T10:00:00Z"), 300, OrderStatus.CANCELLED);
    RepurchaseResult byStatus =
        run(RepurchaseSpec.of(UTC, AS_OF), refundedA, cancelledB, orders.get(2));
    assertThat(byStatus.cohorts()).containsExactly(new Cohort(LocalDate.of(2026, 2, 1), 1, 0, 0));
    assertThat(
            run(
                    RepurchaseSpec.of(UTC, AS_OF).withRefunds(RefundTreatment.GROSS),
                    refundedA,
                    cancelledB)
                .buyers())
        .isOne();
  }

  private static RepurchaseResult viaValidOrders(
      RefundTreatment treatment, List<Order> orders, Refund refund) {
    ValidOrders valid = ValidOrders.create(treatment, BadRecordPolicy.REJECT, AS_OF);
    orders.forEach(valid::addOrder);
    valid.addRefund(refund);
    return RepurchaseSpec.of(UTC, AS_OF)
        .withRefunds(treatment)
        .newAccumulator()
        .addAll(valid)
        .result();
  }

  @Test
  void primitiveAndRecordPathsAgreeOnSyntheticData() {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(300, 7));
    RepurchaseSpec spec = RepurchaseSpec.of(SHANGHAI, Instant.ofEpochMilli(shop.endMillis()));
    RepurchaseAccumulator records = spec.newAccumulator();
    shop.orders().forEach(records::add);
    RepurchaseAccumulator primitives = spec.newAccumulator();
    shop.forEachOrder(
        (user, seq, millis, amount, status) -> {
          if (status == OrderStatus.PAID) {
            primitives.add(user, millis);
          }
        });

    assertThat(primitives.result()).isEqualTo(records.result());
    assertThat(records.result().pooled().eligible()).isPositive();
  }

  @Test
  void usersStayApartAsTheIdRangeGrows() {
    // Ids ascending force many small growths, descending one large one; both must keep every user.
    RepurchaseSpec spec = RepurchaseSpec.of(UTC, AS_OF);
    RepurchaseAccumulator ascending = spec.newAccumulator();
    RepurchaseAccumulator descending = spec.newAccumulator();
    long day = Instant.parse("2026-01-10T12:00:00Z").toEpochMilli();
    for (int user = 0; user < 1000; user++) {
      ascending.add(user, day).add(user, day + 86_400_000L * (user % 40));
      descending.add(999 - user, day).add(999 - user, day + 86_400_000L * ((999 - user) % 40));
    }

    // Users with id % 40 in 1..30 repurchase within 30 days: 25 rounds of 40 ids give 25 * 30.
    // Id % 40 == 0 buys twice on one day: no repurchase.
    assertThat(ascending.result().cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 1, 1), 1000, 1000, 750));
    assertThat(descending.result()).isEqualTo(ascending.result());
  }

  @Test
  void columnsGiveWhatOneByOneGives() {
    RepurchaseSpec spec =
        RepurchaseSpec.of(SHANGHAI, AS_OF).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    Random random = new Random(11);
    int n = 1000; // several blocks, with bad records inside them
    long[] users = new long[n];
    long[] millis = new long[n];
    RepurchaseAccumulator oneByOne = spec.newAccumulator();
    for (int i = 0; i < n; i++) {
      users[i] = random.nextInt(300);
      millis[i] =
          AS_OF.toEpochMilli()
              - random.nextInt(200) * 86_400_000L
              + (i % 97 == 0 ? 200 * 86_400_000L : 0);
      oneByOne.add(users[i], millis[i]);
    }
    RepurchaseAccumulator columns = spec.newAccumulator().addAll(users, millis);

    assertThat(columns.result()).isEqualTo(oneByOne.result());
    assertThat(columns.toByteArray()).isEqualTo(oneByOne.toByteArray());
    assertThat(columns.result().diagnostics().skipped(BadRecordReason.AFTER_AS_OF)).isEqualTo(11);

    // Under REJECT the orders before the bad one are in, as with one-by-one adds.
    RepurchaseAccumulator rejecting = RepurchaseSpec.of(SHANGHAI, AS_OF).newAccumulator();
    assertThatThrownBy(() -> rejecting.addAll(users, millis))
        .isInstanceOf(BadRecordException.class)
        .hasMessageContaining("record 0");
    long[] badUser = {1, -1};
    long[] times = {0, 0};
    assertThatThrownBy(() -> rejecting.addAll(badUser, times))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThat(rejecting.result().orders()).isOne();
  }

  @Test
  void badRecordsAreCountedOrRejected() {
    Order late = paid(1, "2026-03-01T00:00:00.001Z");
    Order negative = Order.of("n", 2, Instant.parse("2026-01-01T00:00:00Z"), -1, OrderStatus.PAID);
    Order atAsOf = paid(3, "2026-03-01T00:00:00Z");
    RepurchaseResult result =
        run(
            RepurchaseSpec.of(UTC, AS_OF).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT),
            late,
            negative,
            atAsOf);

    assertThat(result.buyers()).isOne();
    assertThat(result.diagnostics().skipped())
        .containsExactly(
            Map.entry(BadRecordReason.NEGATIVE_AMOUNT, 1L),
            Map.entry(BadRecordReason.AFTER_AS_OF, 1L));
    assertThatThrownBy(() -> run(RepurchaseSpec.of(UTC, AS_OF), atAsOf, late))
        .isInstanceOf(BadRecordException.class)
        .hasMessageContaining("AFTER_AS_OF");
    assertThatThrownBy(() -> RepurchaseSpec.of(UTC, AS_OF).newAccumulator().add(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId must be in [0, ")
        .hasMessageContaining("got -1");
  }

  @Test
  void specValidatesAndRoundTripsThroughJson() {
    RepurchaseSpec spec =
        new RepurchaseSpec(
            SHANGHAI,
            AS_OF,
            7,
            Granularity.WEEK,
            true,
            Granularity.WEEK,
            DayOfWeek.SUNDAY,
            RefundTreatment.GROSS,
            BadRecordPolicy.SKIP_AND_COUNT,
            List.of(1, 7, 3650));
    assertThat(RepurchaseSpec.fromJson(spec.toJson())).isEqualTo(spec);
    assertThat(
            RepurchaseSpec.fromJson(
                "{\"zone\":\"UTC\",\"asOf\":\"2026-03-01T00:00:00Z\",\"windowDays\":30,\"sameDay\":false}"))
        .isEqualTo(RepurchaseSpec.of(UTC, AS_OF));
    assertThatThrownBy(
            () ->
                RepurchaseSpec.fromJson(
                    "{\"zone\":\"UTC\",\"asOf\":\"2026-03-01T00:00:00Z\",\"windowDays\":30,\"sameDay\":false,\"window\":1}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("window");
    assertThatThrownBy(() -> RepurchaseSpec.of(UTC, AS_OF).withWindowDays(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("windowDays must be in [1, 3650], got 0");
    assertThatThrownBy(() -> RepurchaseSpec.of(UTC, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("asOf");
  }

  @Test
  void bytesOfAnotherFamilyOrCorruptStateAreRejected() {
    RepurchaseSpec spec = RepurchaseSpec.of(UTC, AS_OF);
    byte[] bytes = spec.newAccumulator().add(5, 0).add(5, 86_400_000L * 3).toByteArray();
    bytes[bytes.length - 16] = 0x7F; // the first order day of user 5 becomes huge, after its second
    assertThatThrownBy(() -> spec.accumulatorFromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RPUR: user 5");
  }

  /** The first local date of the period of {@code date}, with java.time only. */
  private static LocalDate periodStart(Granularity g, LocalDate date, DayOfWeek weekStart) {
    return switch (g) {
      case DAY -> date;
      case WEEK -> date.with(java.time.temporal.TemporalAdjusters.previousOrSame(weekStart));
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  private static LocalDate nextPeriod(Granularity g, LocalDate start) {
    return switch (g) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  /** Every figure from each user's sorted local order dates, with java.time and no shortcuts. */
  static RepurchaseResult reference(RepurchaseSpec spec, List<long[]> orders) {
    Map<Long, List<LocalDate>> datesByUser = new java.util.TreeMap<>();
    for (long[] o : orders) {
      datesByUser
          .computeIfAbsent(o[0], u -> new ArrayList<>())
          .add(Instant.ofEpochMilli(o[1]).atZone(spec.zone()).toLocalDate());
    }
    LocalDate lastComplete =
        spec.asOf().plusMillis(1).atZone(spec.zone()).toLocalDate().minusDays(1);
    LocalDate asOfDate = spec.asOf().atZone(spec.zone()).toLocalDate();
    LocalDate asOfPeriod = periodStart(spec.nextPeriod(), asOfDate, spec.weekStart());
    LocalDate oldest = asOfPeriod;
    for (int k = 1; k < RepurchaseAccumulator.TRACKED_PERIODS; k++) {
      oldest = periodStart(spec.nextPeriod(), oldest.minusDays(1), spec.weekStart());
    }
    Map<LocalDate, long[]> cohorts = new java.util.TreeMap<>();
    List<Integer> curveDays = spec.curveDays();
    Map<LocalDate, long[]> curve = new java.util.TreeMap<>();
    Map<LocalDate, long[]> periods = new java.util.TreeMap<>();
    List<Integer> gaps = new ArrayList<>();
    long twoPlus = 0;
    long threePlus = 0;
    for (List<LocalDate> dates : datesByUser.values()) {
      dates.sort(null);
      LocalDate first = dates.get(0);
      LocalDate second =
          dates.stream()
              .skip(1)
              .filter(d -> spec.sameDay() || d.isAfter(first))
              .findFirst()
              .orElse(null);
      long[] c =
          cohorts.computeIfAbsent(
              periodStart(spec.cohort(), first, spec.weekStart()), k -> new long[3]);
      c[0]++;
      if (!first.plusDays(spec.windowDays()).isAfter(lastComplete)) {
        c[1]++;
        c[2] += second != null && !second.isAfter(first.plusDays(spec.windowDays())) ? 1 : 0;
      }
      long[] points =
          curve.computeIfAbsent(
              periodStart(spec.cohort(), first, spec.weekStart()),
              k -> new long[2 * curveDays.size()]);
      for (int j = 0; j < curveDays.size(); j++) {
        LocalDate end = first.plusDays(curveDays.get(j));
        if (!end.isAfter(lastComplete)) {
          points[2 * j]++;
          points[2 * j + 1] += second != null && !second.isAfter(end) ? 1 : 0;
        }
      }
      if (second != null) {
        gaps.add((int) java.time.temporal.ChronoUnit.DAYS.between(first, second));
      }
      twoPlus += dates.size() >= 2 ? 1 : 0;
      threePlus += dates.size() >= 3 ? 1 : 0;
      java.util.Set<LocalDate> bought = new java.util.HashSet<>();
      dates.forEach(d -> bought.add(periodStart(spec.nextPeriod(), d, spec.weekStart())));
      for (LocalDate m : bought) {
        if (!m.isBefore(oldest)) {
          long[] counts = periods.computeIfAbsent(m, k -> new long[2]);
          counts[0]++;
          counts[1] += bought.contains(nextPeriod(spec.nextPeriod(), m)) ? 1 : 0;
        }
      }
    }
    List<Cohort> cohortList = new ArrayList<>();
    cohorts.forEach((start, c) -> cohortList.add(new Cohort(start, c[0], c[1], c[2])));
    List<CurvePoint> curveList = new ArrayList<>();
    curve.forEach(
        (start, points) -> {
          for (int j = 0; j < curveDays.size(); j++) {
            curveList.add(
                new CurvePoint(start, curveDays.get(j), points[2 * j], points[2 * j + 1]));
          }
        });
    List<NextPeriod> periodList = new ArrayList<>();
    if (!periods.isEmpty()) {
      for (LocalDate m = periods.keySet().iterator().next();
          !m.isAfter(asOfPeriod);
          m = nextPeriod(spec.nextPeriod(), m)) {
        long[] counts = periods.getOrDefault(m, new long[2]);
        LocalDate afterNext = nextPeriod(spec.nextPeriod(), nextPeriod(spec.nextPeriod(), m));
        periodList.add(
            new NextPeriod(m, counts[0], counts[1], !afterNext.minusDays(1).isAfter(lastComplete)));
      }
    }
    Map<Integer, Long> byDays = new java.util.TreeMap<>();
    gaps.forEach(days -> byDays.merge(days, 1L, Long::sum));
    TimeToSecondOrder time = new TimeToSecondOrder(byDays);
    // Nearest rank on the sorted gaps, apart from the record's own computation over the distribution.
    gaps.sort(null);
    int n = gaps.size();
    assertThat(time.medianDays()).isEqualTo(n == 0 ? null : gaps.get((n * 50 + 99) / 100 - 1));
    assertThat(time.p90Days()).isEqualTo(n == 0 ? null : gaps.get((n * 90 + 99) / 100 - 1));
    return new RepurchaseResult(
        spec.windowDays(),
        spec.cohort(),
        spec.nextPeriod(),
        cohortList,
        curveList,
        periodList,
        time,
        datesByUser.size(),
        twoPlus,
        threePlus,
        orders.size(),
        dev.userops.core.Diagnostics.NONE);
  }

  @Property(tries = 60)
  void matchesAJavaTimeReference(
      @ForAll @IntRange(min = 0, max = 200) int count,
      @ForAll @IntRange(min = 0, max = 2) int cohort,
      @ForAll @IntRange(min = 0, max = 2) int next,
      @ForAll boolean sameDay,
      @ForAll long seed) {
    Random random = new Random(seed);
    // New York and Lord Howe (a 30-minute DST shift) have days of 23, 23.5, 24.5 and 25 hours.
    ZoneId zone = random.nextBoolean() ? NEW_YORK : ZoneId.of("Australia/Lord_Howe");
    Instant asOf = Instant.parse("2024-04-07T15:30:00Z").plusSeconds(random.nextInt(86_400 * 90));
    long from = Instant.parse("2023-10-01T00:00:00Z").toEpochMilli();
    List<long[]> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long millis = from + (long) (random.nextDouble() * (asOf.toEpochMilli() - from));
      orders.add(new long[] {random.nextInt(30), millis});
    }
    RepurchaseSpec spec =
        new RepurchaseSpec(
            zone,
            asOf,
            1 + random.nextInt(40),
            Granularity.values()[cohort],
            sameDay,
            Granularity.values()[next],
            random.nextBoolean() ? DayOfWeek.MONDAY : DayOfWeek.SUNDAY,
            null,
            null,
            randomCurveDays(random));
    RepurchaseAccumulator acc = spec.newAccumulator();
    orders.forEach(o -> acc.add(o[0], o[1]));

    assertThat(acc.result()).isEqualTo(reference(spec, orders));
  }

  /** Ascending checkpoints, often empty or the default, mostly within the orders' span. */
  static List<Integer> randomCurveDays(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> List.of();
      case 1 -> null;
      default -> {
        List<Integer> days = new ArrayList<>();
        for (int d = 1 + random.nextInt(3); d <= 400; d += 1 + random.nextInt(60)) {
          days.add(d);
        }
        yield days;
      }
    };
  }

  /** Random orders of a few users, some bad, so that splits put a user's orders apart. */
  static List<Order> randomOrders(long seed, int count) {
    Random random = new Random(seed);
    long from = Instant.parse("2025-09-01T00:00:00Z").toEpochMilli();
    long span = AS_OF.toEpochMilli() + 86_400_000L - from;
    OrderStatus[] statuses = OrderStatus.values();
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long millis = from + (long) (random.nextDouble() * span);
      long amount = random.nextInt(20) == 0 ? -1 : random.nextInt(1000);
      OrderStatus status = statuses[random.nextInt(10) < 8 ? 0 : random.nextInt(3)];
      orders.add(
          Order.of("o" + i, random.nextInt(25), Instant.ofEpochMilli(millis), amount, status));
    }
    return orders;
  }

  @Property(tries = 25)
  void accumulatorLawsHold(@ForAll @IntRange(min = 0, max = 120) int count, @ForAll long seed) {
    RepurchaseSpec base =
        RepurchaseSpec.of(SHANGHAI, AS_OF).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    List<RepurchaseSpec> specs =
        List.of(
            base,
            base.withSameDay(true),
            base.withCohort(Granularity.WEEK).withNextPeriod(Granularity.WEEK).withWindowDays(7),
            base.withCohort(Granularity.DAY)
                .withNextPeriod(Granularity.DAY)
                .withRefunds(RefundTreatment.GROSS),
            base.withCurveDays(List.of(1, 2, 30, 45, 3650)),
            base.withSameDay(true).withCohort(Granularity.WEEK).withCurveDays(List.of()));
    List<Order> orders = randomOrders(seed, count);
    for (RepurchaseSpec spec : specs) {
      // Specs that differ in curveDays alone keep the same state but give different results.
      RepurchaseSpec other =
          spec.curveDays().equals(RepurchaseSpec.DEFAULT_CURVE_DAYS)
              ? spec.withWindowDays(spec.windowDays() + 1)
              : spec.withCurveDays(null);
      AccumulatorLaws.<Order, RepurchaseAccumulator, RepurchaseResult>of(
              spec, RepurchaseAccumulator::add, other)
          .check(orders, seed);
    }
  }
}
