package dev.userops.retention.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Accumulator;
import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.CalendarIndex;
import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.Refund;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.testing.AccumulatorLaws;
import dev.userops.retention.value.LtvResult.Cohort;
import dev.userops.retention.value.LtvResult.Split;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LtvAccumulatorTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant AS_OF = Instant.parse("2026-04-15T00:00:00Z");
  /** Monthly cohorts, intervals 0..3: on 2026-04-15 March is the last complete month. */
  private static final LtvSpec MONTHLY = LtvSpec.of(UTC, AS_OF, Granularity.MONTH, 3);

  private static int ids;

  private static Order order(long user, String at, long amount, OrderStatus status) {
    return Order.of("o" + ids++, user, Instant.parse(at), amount, status);
  }

  private static Order paid(long user, String at, long amount) {
    return order(user, at, amount, OrderStatus.PAID);
  }

  /** An order with the attribute the host passes with it. */
  record Purchase(Order order, String attribute) {}

  private static Purchase paid(long user, String at, long amount, String attribute) {
    return new Purchase(paid(user, at, amount), attribute);
  }

  private static LtvResult run(LtvSpec spec, List<Purchase> purchases) {
    LtvAccumulator acc = spec.newAccumulator();
    purchases.forEach(p -> acc.add(p.order(), p.attribute()));
    return acc.result();
  }

  private static List<Long> cells(Long... values) {
    return Arrays.asList(values);
  }

  /**
   * The hand-computed vector. asOf 2026-04-15: January to March are complete, April is not, so
   * cohort c's cell k is mature while c + k <= March.
   *
   * <pre>
   * user 1 "ads":     Jan 10  1000, Feb 05  500, Apr 02 300
   * user 2 "organic": Jan 31  2000, Mar 01  700 ("ads" passed with it: a later order's, ignored)
   * user 3 (none):    Feb 28   400 + Feb 28 100
   * user 4 "ads":     Feb 14   999 cancelled (not an order), Mar 03 800
   *
   * January (users 1, 2), revenue by interval 0..3: 1000 + 2000, 500, 700, 300
   *   cumulative: 3000, 3500, 4200, 4500 (April: immature, null)
   * February (user 3): 500, 0, 0            cumulative 500, 500 (Mar), null (Apr), null
   * March (user 4):    800                  cumulative 800, null, null, null
   * pooled mean k=0: (3000 + 500 + 800) / (2 + 1 + 1) = 4300 / 4 = 1075
   *             k=1: (3500 + 500) / (2 + 1) = 4000 / 3
   *             k=2: 4200 / 2 = 2100
   *             k=3: no mature cell: null
   * </pre>
   */
  private static List<Purchase> handVector() {
    return List.of(
        paid(1, "2026-01-10T09:00:00Z", 1000, "ads"),
        paid(1, "2026-02-05T09:00:00Z", 500, "ads"),
        paid(1, "2026-04-02T09:00:00Z", 300, "ads"),
        paid(2, "2026-01-31T23:00:00Z", 2000, "organic"),
        paid(2, "2026-03-01T00:00:00Z", 700, "ads"),
        paid(3, "2026-02-28T10:00:00Z", 400, null),
        paid(3, "2026-02-28T11:00:00Z", 100, null),
        new Purchase(order(4, "2026-02-14T10:00:00Z", 999, OrderStatus.CANCELLED), "organic"),
        paid(4, "2026-03-03T10:00:00Z", 800, "ads"));
  }

  @Test
  void handComputedTriangle() {
    LtvResult result = run(MONTHLY, handVector());

    assertThat(result.all().cohorts())
        .containsExactly(
            new Cohort(LocalDate.of(2026, 1, 1), 2, cells(3000L, 3500L, 4200L, null)),
            new Cohort(LocalDate.of(2026, 2, 1), 1, cells(500L, 500L, null, null)),
            new Cohort(LocalDate.of(2026, 3, 1), 1, cells(800L, null, null, null)));
    assertThat(result.all().cohorts().get(0).revenuePerUser())
        .containsExactly(Ratio.of(1500, 1), Ratio.of(1750, 1), Ratio.of(2100, 1), null);
    assertThat(result.all().mean().revenueMinor()).containsExactly(4300L, 4000L, 4200L, 0L);
    assertThat(result.all().mean().users()).containsExactly(4L, 3L, 2L, 0L);
    assertThat(result.all().mean().revenuePerUser())
        .containsExactly(Ratio.of(1075, 1), Ratio.of(4000, 3), Ratio.of(2100, 1), null);
    assertThat(result.orders()).isEqualTo(8);
  }

  @Test
  void splitByTheAttributeOfTheFirstValidOrder() {
    LtvResult result = run(MONTHLY, handVector());

    // User 2's later "ads" and user 4's cancelled "organic" order name no attribute.
    assertThat(result.byAttribute()).extracting(Split::attribute).containsExactly(null, "ads", "organic");
    assertThat(result.byAttribute().get(0).triangle().cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 2, 1), 1, cells(500L, 500L, null, null)));
    LtvResult.Triangle ads = result.byAttribute().get(1).triangle();
    assertThat(ads.cohorts())
        .containsExactly(
            new Cohort(LocalDate.of(2026, 1, 1), 1, cells(1000L, 1500L, 1500L, null)),
            new Cohort(LocalDate.of(2026, 3, 1), 1, cells(800L, null, null, null)));
    assertThat(ads.mean().revenuePerUser())
        .containsExactly(Ratio.of(900, 1), Ratio.of(1500, 1), Ratio.of(1500, 1), null);
    assertThat(result.byAttribute().get(2).triangle().cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 1, 1), 1, cells(2000L, 2000L, 2700L, null)));
  }

  @Test
  void laterFirstOrderAttributeIsIgnoredButAnEarlierOneArrivingLateWins() {
    LtvAccumulator acc = MONTHLY.newAccumulator();
    acc.add(1, millis("2026-02-01T00:00:00Z"), 100, "b");
    acc.add(1, millis("2026-03-01T00:00:00Z"), 100, "c");
    assertThat(acc.result().byAttribute()).extracting(Split::attribute).containsExactly("b");
    // An earlier order added later re-bases the user: January cohort, attribute "a".
    acc.add(1, millis("2026-01-01T00:00:00Z"), 100, "a");
    LtvResult result = acc.result();
    assertThat(result.byAttribute()).extracting(Split::attribute).containsExactly("a");
    assertThat(result.all().cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 1, 1), 1, cells(100L, 200L, 300L, null)));
  }

  @Test
  void simultaneousFirstOrdersTakeTheSmallestAttributeNullFirst() {
    long at = millis("2026-01-05T00:00:00Z");
    for (List<String> attributes : List.of(List.of("b", "a"), List.of("a", "b"))) {
      LtvAccumulator acc = MONTHLY.newAccumulator();
      attributes.forEach(a -> acc.add(1, at, 10, a));
      assertThat(acc.result().byAttribute()).extracting(Split::attribute).containsExactly("a");
    }
    LtvAccumulator acc = MONTHLY.newAccumulator().add(1, at, 10, "a").add(1, at, 10);
    // No attribute sorts first, so the user has none: no split is reported.
    assertThat(acc.result().byAttribute()).isEmpty();
  }

  @Test
  void cellsAreImmatureUntilTheirPeriodEndsAndAsOfIsInclusive() {
    // asOf the last millisecond of March: March is complete; April 1 00:00 minus one is too.
    for (String asOf : List.of("2026-03-31T23:59:59.999Z", "2026-04-01T00:00:00Z")) {
      LtvSpec spec = LtvSpec.of(UTC, Instant.parse(asOf), Granularity.MONTH, 2);
      LtvResult result = run(spec, List.of(paid(1, "2026-03-31T23:59:59.999Z", 5, null)));
      assertThat(result.all().cohorts().get(0).revenueMinor()).containsExactly(5L, null, null);
    }
    LtvSpec spec = LtvSpec.of(UTC, Instant.parse("2026-03-31T23:59:59.998Z"), Granularity.MONTH, 2);
    LtvResult result = run(spec, List.of(paid(1, "2026-03-31T23:59:59.998Z", 5, null)));
    assertThat(result.all().cohorts().get(0).revenueMinor()).containsExactly(null, null, null);
    assertThat(result.all().mean().revenuePerUser()).containsExactly(null, null, null);
  }

  @Test
  void dayCohortsFollowLocalDaysAcrossDaylightSavingTime() {
    // New York springs forward on 2026-03-08 (a 23-hour day) and falls back on 2026-11-01 (25).
    ZoneId newYork = ZoneId.of("America/New_York");
    LtvSpec spec = LtvSpec.of(newYork, Instant.parse("2026-11-03T05:00:00Z"), Granularity.DAY, 1);
    LtvResult result =
        run(
            spec,
            List.of(
                // 2026-03-07 23:30 EST, then 2026-03-08 23:30 EDT: the next local day, interval 1.
                paid(1, "2026-03-08T04:30:00Z", 100, null),
                paid(1, "2026-03-09T03:30:00Z", 10, null),
                // 2026-03-09 00:30 EDT: interval 2, past the horizon.
                paid(1, "2026-03-09T04:30:00Z", 1, null),
                // 2026-11-01 00:30 EDT, then 23:30 EST the same local day (25 hours long).
                paid(2, "2026-11-01T04:30:00Z", 200, null),
                paid(2, "2026-11-02T04:30:00Z", 20, null),
                // 2026-11-02 00:30 EST: interval 1.
                paid(2, "2026-11-02T05:30:00Z", 2, null)));

    assertThat(result.all().cohorts())
        .containsExactly(
            new Cohort(LocalDate.of(2026, 3, 7), 1, cells(100L, 110L)),
            new Cohort(LocalDate.of(2026, 11, 1), 1, cells(220L, 222L)));
  }

  @Test
  void aLaterOrderOnTheDayBeforeTheFirstCountsInIntervalZero() {
    // St. John's set its clocks back at 00:01 to 23:01 of the day before, until 2011: on
    // 2010-11-07 an instant after 00:00:30 NDT is at 23:15 NST on 2010-11-06.
    ZoneId stJohns = ZoneId.of("America/St_Johns");
    long first = millis("2010-11-07T02:30:30Z");
    long later = millis("2010-11-07T02:45:00Z");
    CalendarIndex calendar = CalendarIndex.of(stJohns);
    assertThat(calendar.dayIndex(later)).isEqualTo(calendar.dayIndex(first) - 1);
    LtvSpec spec = LtvSpec.of(stJohns, Instant.parse("2010-12-01T00:00:00Z"), Granularity.DAY, 1);
    for (long[] order : List.of(new long[] {first, later}, new long[] {later, first})) {
      LtvAccumulator acc = spec.newAccumulator().add(1, order[0], 5).add(1, order[1], 7);
      assertThat(acc.result().all().cohorts())
          .containsExactly(new Cohort(LocalDate.of(2010, 11, 7), 1, cells(12L, 12L)));
      assertThat(spec.accumulatorFromBytes(acc.toByteArray()).result()).isEqualTo(acc.result());
    }
  }

  @Test
  void leapDayAndMonthEnds() {
    LtvSpec daily = LtvSpec.of(UTC, Instant.parse("2028-03-31T00:00:00Z"), Granularity.DAY, 1);
    LtvResult leap =
        run(daily, List.of(paid(1, "2028-02-29T12:00:00Z", 7, null), paid(1, "2028-03-01T12:00:00Z", 3, null)));
    assertThat(leap.all().cohorts()).containsExactly(new Cohort(LocalDate.of(2028, 2, 29), 1, cells(7L, 10L)));

    // January 31 to February 29 is one month; to March 31 two; intervals are calendar months.
    LtvSpec monthly = LtvSpec.of(UTC, Instant.parse("2028-04-30T00:00:00Z"), Granularity.MONTH, 2);
    LtvResult months =
        run(
            monthly,
            List.of(
                paid(1, "2028-01-31T23:59:59.999Z", 1, null),
                paid(1, "2028-02-29T23:59:59.999Z", 2, null),
                paid(1, "2028-03-01T00:00:00Z", 4, null)));
    assertThat(months.all().cohorts()).containsExactly(new Cohort(LocalDate.of(2028, 1, 1), 1, cells(1L, 3L, 7L)));
  }

  @Test
  void weeksStartOnTheConfiguredDay() {
    // 2026-01-04 is a Sunday: a Sunday week starts on it, a Monday week on 2025-12-29.
    LtvSpec monday = LtvSpec.of(UTC, AS_OF, Granularity.WEEK, 1);
    List<Purchase> orders = List.of(paid(1, "2026-01-04T12:00:00Z", 1, null), paid(1, "2026-01-05T12:00:00Z", 2, null));
    assertThat(run(monday, orders).all().cohorts())
        .containsExactly(new Cohort(LocalDate.of(2025, 12, 29), 1, cells(1L, 3L)));
    assertThat(run(monday.withWeekStart(DayOfWeek.SUNDAY), orders).all().cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 1, 4), 1, cells(3L, 3L)));
  }

  @Test
  void refundsNetThroughValidOrdersAndStatusesCountByTreatment() {
    Order first = paid(1, "2026-01-10T09:00:00Z", 1000);
    Order refunded = order(1, "2026-02-10T09:00:00Z", 400, OrderStatus.REFUNDED);
    Order partial = paid(1, "2026-03-10T09:00:00Z", 500);
    ValidOrders join = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.SKIP_AND_COUNT, AS_OF);
    for (Order o : List.of(first, refunded, partial, first)) {
      join.addOrder(o);
    }
    join.addRefund(new Refund("r1", partial.orderId(), 1, Instant.parse("2026-04-01T00:00:00Z"), 200));

    LtvResult net = MONTHLY.newAccumulator().addAll(join).result();
    // The duplicate order id is the join's bad record; the refund nets March, its order's period.
    assertThat(join.diagnostics().skipped(BadRecordReason.DUPLICATE_ORDER_ID)).isEqualTo(1);
    assertThat(net.all().cohorts().get(0).revenueMinor()).containsExactly(1000L, 1000L, 1300L, null);

    LtvAccumulator statuses = MONTHLY.newAccumulator();
    List.of(first, refunded, partial).forEach(statuses::add);
    assertThat(statuses.result().all().cohorts().get(0).revenueMinor()).containsExactly(1000L, 1000L, 1500L, null);
    LtvAccumulator gross = MONTHLY.withRefunds(RefundTreatment.GROSS).newAccumulator();
    List.of(first, refunded, partial).forEach(gross::add);
    assertThat(gross.result().all().cohorts().get(0).revenueMinor()).containsExactly(1000L, 1400L, 1900L, null);
  }

  @Test
  void theAccumulatorDoesNotDeduplicateOrderIds() {
    Order order = paid(1, "2026-01-10T09:00:00Z", 1000);
    LtvResult twice = MONTHLY.newAccumulator().add(order).add(order).result();
    assertThat(twice.all().cohorts().get(0).revenueMinor().get(0)).isEqualTo(2000L);
  }

  @Test
  void validOrdersAttributesFollowTheKeptOrders() {
    ValidOrders join = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.SKIP_AND_COUNT, AS_OF);
    List<String> channels = new ArrayList<>();
    Order cancelled = order(1, "2026-01-01T00:00:00Z", 5, OrderStatus.CANCELLED);
    Order late = paid(2, "2026-05-01T00:00:00Z", 5);
    Order kept = paid(1, "2026-01-02T00:00:00Z", 5);
    for (Order o : List.of(cancelled, late, kept)) {
      if (join.addOrder(o)) {
        channels.add(o == cancelled ? "cancelled" : "kept");
      }
    }
    LtvResult result = MONTHLY.newAccumulator().addAll(join, channels::get).result();
    assertThat(result.byAttribute()).extracting(Split::attribute).containsExactly("kept");
  }

  @Test
  void fromLeavesOutEarlierCohortsEvenWhenTheirFirstOrderArrivesLast() {
    LtvSpec spec = MONTHLY.withFrom(LocalDate.of(2026, 2, 15));
    LtvAccumulator acc = spec.newAccumulator();
    acc.add(1, millis("2026-02-03T00:00:00Z"), 10);
    acc.add(1, millis("2026-03-03T00:00:00Z"), 10);
    acc.add(2, millis("2026-03-03T00:00:00Z"), 20);
    assertThat(acc.result().all().cohorts()).hasSize(2);
    acc.add(1, millis("2026-01-03T00:00:00Z"), 10);
    assertThat(acc.result().all().cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 3, 1), 1, cells(20L, null, null, null)));
  }

  @Test
  void revenueBeyondTheHorizonIsNotKeptAndAnEarlierFirstOrderPushesRevenueOut() {
    LtvSpec spec = LtvSpec.of(UTC, AS_OF, Granularity.MONTH, 1);
    LtvAccumulator acc = spec.newAccumulator();
    acc.add(1, millis("2026-02-03T00:00:00Z"), 10);
    acc.add(1, millis("2026-03-03T00:00:00Z"), 20);
    acc.add(1, millis("2026-01-03T00:00:00Z"), 40);
    assertThat(acc.result().all().cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 1, 1), 1, cells(40L, 50L)));
    assertThat(acc.toByteArray()).isEqualTo(spec.accumulatorFromBytes(acc.toByteArray()).toByteArray());
  }

  @Test
  void emptyInputGivesAnEmptyTriangle() {
    LtvResult empty = MONTHLY.newAccumulator().result();
    assertThat(empty.all().cohorts()).isEmpty();
    assertThat(empty.all().mean().revenuePerUser()).containsExactly(null, null, null, null);
    assertThat(empty.byAttribute()).isEmpty();
    assertThat(empty.toJson())
        .isEqualTo("{\"granularity\":\"MONTH\",\"zone\":\"UTC\",\"intervals\":3,\"all\":{\"cohorts\":[],"
            + "\"mean\":{\"revenueMinor\":[0,0,0,0],\"users\":[0,0,0,0],\"revenuePerUser\":[null,null,null,null]}},"
            + "\"byAttribute\":[],\"orders\":0,\"diagnostics\":{\"skipped\":{}}}");
  }

  @Test
  void jsonShowsRatiosExactlyAndForDisplay() {
    String json = run(MONTHLY, handVector()).toJson();
    assertThat(json)
        .contains("{\"start\":\"2026-01-01\",\"users\":2,\"revenueMinor\":[3000,3500,4200,null],"
            + "\"revenuePerUser\":[{\"numerator\":1500,\"denominator\":1,\"value\":1500.0},")
        .contains("{\"numerator\":4000,\"denominator\":3,\"value\":1333.3333333333333}");
  }

  @Test
  void overflowThrowsAndAddsNothing() {
    LtvAccumulator acc = MONTHLY.newAccumulator();
    acc.add(1, millis("2026-01-03T00:00:00Z"), Long.MAX_VALUE - 1);
    assertThatThrownBy(() -> acc.add(1, millis("2026-01-04T00:00:00Z"), 2))
        .isInstanceOf(ArithmeticException.class);
    assertThat(acc.result().all().cohorts().get(0).revenueMinor().get(0)).isEqualTo(Long.MAX_VALUE - 1);
    // An earlier first order that would overflow leaves the user's cohort as it was, too.
    assertThatThrownBy(() -> acc.add(1, millis("2026-01-02T00:00:00Z"), 2, "x"))
        .isInstanceOf(ArithmeticException.class);
    assertThat(acc.result().byAttribute()).isEmpty();
    // Sums over users overflow in result(): the state stays usable.
    acc.add(2, millis("2026-01-05T00:00:00Z"), 2);
    assertThatThrownBy(acc::result).isInstanceOf(ArithmeticException.class);
    LtvAccumulator other = MONTHLY.newAccumulator().add(1, millis("2026-01-09T00:00:00Z"), 5);
    assertThatThrownBy(() -> MONTHLY.newAccumulator().add(1, millis("2026-01-09T00:00:00Z"), Long.MAX_VALUE)
        .merge(other)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void badRecordsAreRejectedOrCounted() {
    assertThatThrownBy(() -> MONTHLY.newAccumulator().add(paid(1, "2026-01-03T00:00:00Z", -1)))
        .isInstanceOf(BadRecordException.class)
        .hasMessageContaining("amountMinor must be >= 0, got -1");
    LtvAccumulator acc = MONTHLY.withBadRecords(BadRecordPolicy.SKIP_AND_COUNT).newAccumulator();
    acc.add(1, millis("2026-01-03T00:00:00Z"), -1);
    acc.add(1, millis("2026-04-15T00:00:00.001Z"), 1);
    acc.add(1, -1, 1);
    acc.add(1, millis("2026-04-15T00:00:00Z"), 1);
    LtvResult result = acc.result();
    assertThat(result.diagnostics().skipped())
        .containsEntry(BadRecordReason.NEGATIVE_AMOUNT, 1L)
        .containsEntry(BadRecordReason.AFTER_AS_OF, 1L)
        .containsEntry(BadRecordReason.BEFORE_1970, 1L);
    assertThat(result.orders()).isEqualTo(1);
    assertThatThrownBy(() -> acc.add(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId must be in [0, 1073741818], got -1");
  }

  @Test
  void primitiveAndRecordPathsAgree() {
    List<Purchase> purchases = randomPurchases(7, 300);
    LtvSpec spec = MONTHLY.withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    LtvAccumulator records = spec.newAccumulator();
    LtvAccumulator primitives = spec.newAccumulator();
    for (Purchase p : purchases) {
      Order o = p.order();
      records.add(o, p.attribute());
      // The primitive path takes valid orders, and must screen the bad records of any status.
      boolean bad = o.amountMinor() < 0 || o.occurredAtMillis() > AS_OF.toEpochMilli();
      if (o.status() == OrderStatus.PAID || bad) {
        primitives.add(o.userId(), o.occurredAtMillis(), o.amountMinor(), p.attribute());
      }
    }
    assertThat(primitives.result()).isEqualTo(records.result());
    assertThat(records.result().diagnostics().totalSkipped()).isPositive();
  }

  @Test
  void specJsonRoundTripsAndRejectsBadFields() {
    LtvSpec spec = MONTHLY.withFrom(LocalDate.of(2026, 1, 15)).withWeekStart(DayOfWeek.SUNDAY)
        .withRefunds(RefundTreatment.GROSS).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    assertThat(LtvSpec.fromJson(spec.toJson())).isEqualTo(spec);
    assertThat(MONTHLY.toJson())
        .isEqualTo("{\"version\":1,\"zone\":\"UTC\",\"asOf\":\"2026-04-15T00:00:00Z\",\"granularity\":\"MONTH\","
            + "\"intervals\":3,\"from\":null,\"weekStart\":\"MONDAY\",\"refunds\":\"NET\",\"badRecords\":\"REJECT\"}");
    assertThat(LtvSpec.fromJson("{\"zone\":\"UTC\",\"asOf\":\"2026-04-15T00:00:00Z\",\"intervals\":3}"))
        .isEqualTo(MONTHLY);
    assertThatThrownBy(() -> LtvSpec.fromJson("{\"zone\":\"UTC\",\"asOf\":\"2026-04-15T00:00:00Z\",\"intervals\":1001}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("intervals must be in [0, 1000], got 1001");
    assertThatThrownBy(() -> LtvSpec.fromJson("{\"version\":2,\"zone\":\"UTC\"}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("version");
    assertThatThrownBy(() -> MONTHLY.withFrom(LocalDate.of(2026, 4, 16)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from must be on or before the local date of asOf");
  }

  @Test
  void bytesDescribeThemselvesAndRejectOtherSpecs() {
    LtvAccumulator acc = MONTHLY.newAccumulator();
    handVector().forEach(p -> acc.add(p.order(), p.attribute()));
    byte[] bytes = acc.toByteArray();
    assertThat(Accumulator.fromBytes(bytes, LtvAccumulator.class).result()).isEqualTo(acc.result());
    assertThatThrownBy(() -> MONTHLY.withFrom(LocalDate.of(2026, 1, 1)).accumulatorFromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected spec");
  }

  @Property(tries = 30)
  void accumulatorLawsHold(@ForAll @IntRange(min = 0, max = 150) int count, @ForAll long seed) {
    LtvSpec base = MONTHLY.withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    List<Purchase> purchases = randomPurchases(seed, count);
    for (LtvSpec spec :
        List.of(
            base,
            base.withFrom(LocalDate.of(2026, 2, 1)),
            new LtvSpec(ZoneId.of("Asia/Shanghai"), AS_OF, Granularity.DAY, 20, null, null, RefundTreatment.GROSS,
                BadRecordPolicy.SKIP_AND_COUNT),
            new LtvSpec(UTC, AS_OF, Granularity.WEEK, 0, null, DayOfWeek.SUNDAY, null, BadRecordPolicy.SKIP_AND_COUNT))) {
      LtvSpec other = new LtvSpec(spec.zone(), spec.asOf(), spec.granularity(), spec.intervals() + 1, spec.from(),
          spec.weekStart(), spec.refunds(), spec.badRecords());
      AccumulatorLaws.<Purchase, LtvAccumulator, LtvResult>of(spec, (acc, p) -> acc.add(p.order(), p.attribute()), other)
          .check(purchases, seed);
    }
  }

  /**
   * Orders of a few users over December to asOf (some just after it), with equal times, several
   * attributes and none, cancelled and refunded statuses, zero and negative amounts.
   */
  static List<Purchase> randomPurchases(long seed, int count) {
    Random random = new Random(seed);
    long from = millis("2025-12-01T00:00:00Z");
    long span = AS_OF.toEpochMilli() + 86_400_000L - from;
    String[] attributes = {null, "ads", "organic", "search"};
    OrderStatus[] statuses = {OrderStatus.PAID, OrderStatus.PAID, OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.REFUNDED};
    List<Purchase> purchases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Coarse times make ties; a few amounts are 0 or negative.
      long millis = from + random.nextInt(40) * (span / 40);
      long amount = random.nextInt(25) == 0 ? -5 : random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(10_000);
      Order order = Order.of("o" + i, random.nextInt(15), Instant.ofEpochMilli(millis), amount,
          statuses[random.nextInt(statuses.length)]);
      purchases.add(new Purchase(order, attributes[random.nextInt(attributes.length)]));
    }
    return purchases;
  }

  static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
