package dev.userops.retention.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Accumulator;
import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.ConfigException;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.Refund;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.testing.AccumulatorLaws;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClvSummaryAccumulatorTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** One customer's figures, as the summary reports them. */
  record Row(long userId, int x, double tx, double T, long repeatSpendMinor, int holdoutPurchases) {}

  static List<Row> rows(ClvSummary summary) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < summary.customers(); i++) {
      rows.add(
          new Row(
              summary.userId(i),
              summary.x(i),
              summary.tx(i),
              summary.T(i),
              summary.repeatSpendMinor(i),
              summary.holdoutPurchases(i)));
    }
    return rows;
  }

  private static Order paid(String id, long user, String localDateTime, ZoneId zone, long amount) {
    Instant at = LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    return Order.of(id, user, at, amount, OrderStatus.PAID);
  }

  private static Order paid(String id, long user, String utc, long amount) {
    return paid(id, user, utc, UTC, amount);
  }

  private static ClvSummary run(ClvSummarySpec spec, List<Order> orders) {
    ClvSummaryAccumulator acc = spec.newAccumulator();
    orders.forEach(acc::add);
    return acc.result();
  }

  /** Calibration to 2026-03-31, holdout to 2026-06-30, weeks. */
  static final ClvSummarySpec EXAMPLE_SPEC =
      ClvSummarySpec.of(UTC, LocalDate.of(2026, 3, 31)).withHoldoutEnd(LocalDate.of(2026, 6, 30));

  /** The hand-worked example of the test below. */
  static List<Order> example() {
    return List.of(
        paid("a1", 0, "2026-01-01T09:00", 1_000),
        paid("a2", 0, "2026-01-01T21:00", 500),
        paid("a3", 0, "2026-01-15T12:00", 2_000),
        paid("a4", 0, "2026-03-31T23:59:59.999", 300),
        paid("a5", 0, "2026-04-10T08:00", 700),
        paid("a6", 0, "2026-07-01T00:00", 999),
        paid("b1", 1, "2026-03-31T10:00", 4_200),
        paid("c1", 2, "2026-04-01T00:00", 100),
        paid("c2", 2, "2026-01-20T00:00", 0),
        paid("c3", 2, "2026-02-20T00:00", 0),
        paid("d1", 7, "2026-04-01T00:00", 100),
        paid("e1", 9, "2026-08-01T00:00", 100));
  }

  @Test
  void handWorkedExample() {
    ClvSummary summary = run(EXAMPLE_SPEC, example());

    // User 0: 01-01 (two orders, one purchase of 1,500), 01-15 and 03-31 in calibration: x = 2,
    // t_x = T = 89 days; repeat spend 2,000 + 300; 04-10 in the holdout; 07-01 after it.
    // User 1: one purchase on the calibration end day: T = 0.
    // User 2: zero-amount purchases on 01-20 and 02-20 (x = 1, zbar 0), then one in the holdout.
    // User 7 first bought in the holdout, user 9 after it: no customers.
    assertThat(rows(summary))
        .containsExactly(
            new Row(0, 2, 89 / 7.0, 89 / 7.0, 2_300, 1),
            new Row(1, 0, 0, 0, 0, 0),
            new Row(2, 1, 31 / 7.0, 70 / 7.0, 0, 1));
    assertThat(summary.zbarMinor(0)).isEqualTo(1_150.0);
    assertThat(summary.zbarMinor(1)).isZero();
    assertThat(summary.zbarMinor(2)).isZero();
    assertThat(summary.buyersAfterCalibration()).isEqualTo(2);
    assertThat(summary.orders()).isEqualTo(12);
    assertThat(summary.ordersAfterEnd()).isEqualTo(2);
    assertThat(summary.totalRepeatPurchases()).isEqualTo(3);
    assertThat(summary.totalHoldoutPurchases()).isEqualTo(2);
    assertThat(summary.holdoutLength()).isEqualTo(91 / 7.0);
    assertThat(summary.indexOf(2)).isEqualTo(2);
    assertThat(summary.indexOf(7)).isEqualTo(-1);
    assertThat(summary.indexOf(-1)).isEqualTo(-1);
  }

  @Test
  void jsonForm() {
    ClvSummary summary = run(ClvSummarySpec.of(UTC, LocalDate.of(2026, 3, 31)), example().subList(6, 7));

    assertThat(summary.toJson())
        .isEqualTo(
            "{\"zone\":\"Z\",\"calibrationEnd\":\"2026-03-31\",\"holdoutEnd\":null,\"unitDays\":7,"
                + "\"holdoutLength\":0.0,\"customers\":1,\"totalRepeatPurchases\":0,"
                + "\"totalHoldoutPurchases\":0,\"buyersAfterCalibration\":0,\"orders\":1,"
                + "\"ordersAfterEnd\":0,\"users\":[{\"userId\":1,\"x\":0,\"tx\":0.0,\"T\":0.0,"
                + "\"repeatSpendMinor\":0,\"zbarMinor\":0.0,\"holdoutPurchases\":0}],"
                + "\"diagnostics\":{\"skipped\":{}}}");
  }

  @Test
  void emptyInput() {
    ClvSummary summary = EXAMPLE_SPEC.newAccumulator().result();

    assertThat(summary.customers()).isZero();
    assertThat(summary.totalRepeatPurchases()).isZero();
    assertThat(summary.buyersAfterCalibration()).isZero();
    assertThat(summary.orders()).isZero();
    assertThat(summary.toJson()).contains("\"customers\":0").contains("\"users\":[]");
    assertThat(EXAMPLE_SPEC.accumulatorFromBytes(EXAMPLE_SPEC.newAccumulator().toByteArray()).result())
        .isEqualTo(summary);
  }

  @Test
  void daysAreCalendarDaysAcrossDst() {
    // New York springs forward on 2026-03-08 (a 23-hour day) and falls back on 2026-11-01 (25).
    ClvSummarySpec spec =
        new ClvSummarySpec(NEW_YORK, LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1), 1, null, null);
    List<Order> orders =
        List.of(
            paid("1", 0, "2026-03-01T23:30", NEW_YORK, 100),
            // The calibration end day's first and last instants, then the holdout's first.
            paid("2", 0, "2026-03-08T00:00", NEW_YORK, 200),
            paid("3", 0, "2026-03-08T23:59:59.999", NEW_YORK, 400),
            paid("4", 0, "2026-03-09T00:00", NEW_YORK, 800),
            // 01:30 comes twice on 2026-11-01: both are that day, as is 23:59 (25 hours in).
            paid("5", 0, "2026-11-01T01:30", NEW_YORK, 1),
            Order.of("6", 0, Instant.parse("2026-11-01T06:30:00Z"), 1, OrderStatus.PAID),
            paid("7", 0, "2026-11-01T23:59", NEW_YORK, 1),
            paid("8", 0, "2026-11-02T00:00", NEW_YORK, 1),
            // 03:00Z on 03-09 is 23:00 on 03-08 in New York (EDT): calibration there, not in UTC.
            Order.of("9", 1, Instant.parse("2026-03-09T03:00:00Z"), 50, OrderStatus.PAID));

    ClvSummary summary = run(spec, orders);

    // User 0: first day 03-01, repeat day 03-08 (two orders, 600); T is 7 calendar days although
    // only 167 hours pass. Holdout days 03-09 and 11-01; 11-02 is after the end.
    assertThat(rows(summary))
        .containsExactly(new Row(0, 1, 7.0, 7.0, 600, 2), new Row(1, 0, 0.0, 0.0, 0, 0));
    assertThat(summary.ordersAfterEnd()).isEqualTo(1);

    ClvSummary utc = run(spec.withHoldoutEnd(null), orders.subList(8, 9));
    assertThat(utc.customers()).isOne();
    ClvSummary inUtc =
        run(new ClvSummarySpec(UTC, LocalDate.of(2026, 3, 8), null, 1, null, null), orders.subList(8, 9));
    assertThat(inUtc.customers()).isZero();
    assertThat(inUtc.buyersAfterCalibration()).isOne();
  }

  @Test
  void aLeapDayIsADay() {
    ClvSummarySpec spec = ClvSummarySpec.of(UTC, LocalDate.of(2024, 3, 6));
    List<Order> orders =
        List.of(
            paid("1", 3, "2024-02-28T12:00", 100),
            paid("2", 3, "2024-02-29T01:00", 10),
            paid("3", 3, "2024-02-29T23:00", 20),
            paid("4", 3, "2024-03-01T00:00", 40));

    // 02-28 to 03-06 is 7 days with the leap day: T = 1 week; repeat days 02-29 (30) and 03-01.
    assertThat(rows(run(spec, orders))).containsExactly(new Row(3, 2, 2 / 7.0, 1.0, 70, 0));
    assertThat(rows(run(spec.withUnitDays(1), orders))).containsExactly(new Row(3, 2, 2.0, 7.0, 70, 0));
  }

  @Test
  void refundsFollowTheTreatment() {
    ClvSummarySpec net = ClvSummarySpec.of(UTC, LocalDate.of(2026, 3, 31));
    List<Order> orders =
        List.of(
            paid("a", 1, "2026-01-01T10:00", 1_000),
            Order.of("b", 1, Instant.parse("2026-01-05T10:00:00Z"), 2_000, OrderStatus.REFUNDED),
            Order.of("c", 1, Instant.parse("2026-01-09T10:00:00Z"), 4_000, OrderStatus.CANCELLED),
            paid("d", 1, "2026-01-12T10:00", 8_000));

    // NET: the refunded order is no purchase; GROSS: it is, at its full amount; cancelled never.
    assertThat(rows(run(net, orders))).containsExactly(new Row(1, 1, 11 / 7.0, 89 / 7.0, 8_000, 0));
    assertThat(rows(run(net.withRefunds(RefundTreatment.GROSS), orders)))
        .containsExactly(new Row(1, 2, 11 / 7.0, 89 / 7.0, 10_000, 0));

    // Through ValidOrders: a partial refund reduces the day's spend, a full one removes the day.
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.SKIP_AND_COUNT, null);
    List.of(orders.get(0), orders.get(3), paid("e", 1, "2026-02-01T10:00", 500)).forEach(valid::addOrder);
    valid.addRefund(new Refund("r1", "d", 1, Instant.parse("2026-01-20T10:00:00Z"), 3_000));
    valid.addRefund(new Refund("r2", "e", 1, Instant.parse("2026-02-02T10:00:00Z"), 500));
    ClvSummary joined = net.newAccumulator().addAll(valid).result();
    assertThat(rows(joined)).containsExactly(new Row(1, 1, 11 / 7.0, 89 / 7.0, 5_000, 0));
  }

  @Test
  void duplicateOrdersCountOnceOnlyThroughValidOrders() {
    ClvSummarySpec spec = ClvSummarySpec.of(UTC, LocalDate.of(2026, 3, 31));
    Order first = paid("a", 1, "2026-01-01T10:00", 1_000);
    Order repeat = paid("b", 1, "2026-01-08T10:00", 300);

    // add(Order) does not de-duplicate: the repeat's day counts once, its amount twice.
    assertThat(rows(run(spec, List.of(first, repeat, repeat))))
        .containsExactly(new Row(1, 1, 1.0, 89 / 7.0, 600, 0));

    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.SKIP_AND_COUNT, null);
    List.of(first, repeat, repeat).forEach(valid::addOrder);
    ClvSummary deduplicated = spec.newAccumulator().addAll(valid).result();
    assertThat(rows(deduplicated)).containsExactly(new Row(1, 1, 1.0, 89 / 7.0, 300, 0));
    assertThat(valid.diagnostics().skipped()).containsExactly(Map.entry(BadRecordReason.DUPLICATE_ORDER_ID, 1L));
  }

  @Test
  void negativeAmountsAndTimesBefore1970AreBadRecords() {
    ClvSummarySpec spec = ClvSummarySpec.of(UTC, LocalDate.of(2026, 3, 31));
    ClvSummaryAccumulator rejecting = spec.newAccumulator().add(1, 0, 5);
    assertThatThrownBy(() -> rejecting.add(1, 1_000, -1))
        .isInstanceOf(BadRecordException.class)
        .hasMessage("record 1: NEGATIVE_AMOUNT: amountMinor must be >= 0, got -1");

    ClvSummaryAccumulator skipping = spec.withBadRecords(BadRecordPolicy.SKIP_AND_COUNT).newAccumulator();
    skipping.add(1, 1_000, -1).add(1, -1, 5).add(paid("x", 1, "2026-01-01T00:00", -7)).add(2, 0, 0);
    ClvSummary summary = skipping.result();
    assertThat(summary.diagnostics().skipped())
        .containsExactly(
            Map.entry(BadRecordReason.NEGATIVE_AMOUNT, 2L), Map.entry(BadRecordReason.BEFORE_1970, 1L));
    // A zero amount at the epoch itself is a purchase.
    assertThat(rows(summary)).containsExactly(new Row(2, 0, 0, 20_543 / 7.0, 0, 0));

    assertThatThrownBy(() -> spec.newAccumulator().add(ClvSummaryAccumulator.MAX_USER_ID + 1L, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId must be in [0, 2147483637]");
  }

  @Test
  void calibrationSpendMustFitALong() {
    ClvSummaryAccumulator acc = ClvSummarySpec.of(UTC, LocalDate.of(2026, 3, 31)).newAccumulator();
    acc.add(1, 0, Long.MAX_VALUE);
    assertThatThrownBy(() -> acc.add(2, 0, 1)).isInstanceOf(ArithmeticException.class);
    // After the calibration end amounts are not summed, so they cannot overflow.
    long holdout = Instant.parse("2026-04-01T00:00:00Z").toEpochMilli();
    acc.add(2, holdout, Long.MAX_VALUE).add(2, holdout, Long.MAX_VALUE);
    assertThat(rows(acc.result())).containsExactly(new Row(1, 0, 0, 20_543 / 7.0, 0, 0));
  }

  @Test
  void primitiveAndOrderPathsAgree() {
    ClvSummaryAccumulator byOrder = EXAMPLE_SPEC.newAccumulator();
    ClvSummaryAccumulator byColumns = EXAMPLE_SPEC.newAccumulator();
    for (Order o : example()) {
      byOrder.add(o);
      byColumns.add(o.userId(), o.occurredAtMillis(), o.amountMinor());
    }
    assertThat(byColumns.result()).isEqualTo(byOrder.result());
    assertThat(byColumns.toByteArray()).isEqualTo(byOrder.toByteArray());
  }

  @Test
  void specJsonRoundTripAndChecks() {
    ClvSummarySpec spec =
        new ClvSummarySpec(
            NEW_YORK,
            LocalDate.of(1997, 9, 30),
            LocalDate.of(1998, 6, 30),
            1,
            RefundTreatment.GROSS,
            BadRecordPolicy.SKIP_AND_COUNT);
    assertThat(spec.toJson())
        .isEqualTo(
            "{\"version\":1,\"zone\":\"America/New_York\",\"calibrationEnd\":\"1997-09-30\","
                + "\"holdoutEnd\":\"1998-06-30\",\"unitDays\":1,\"refunds\":\"GROSS\","
                + "\"badRecords\":\"SKIP_AND_COUNT\"}");
    assertThat(ClvSummarySpec.fromJson(spec.toJson())).isEqualTo(spec);
    ClvSummarySpec defaults = ClvSummarySpec.of(UTC, LocalDate.of(1997, 9, 30));
    assertThat(defaults)
        .isEqualTo(
            ClvSummarySpec.fromJson("{\"zone\":\"Z\",\"calibrationEnd\":\"1997-09-30\",\"unitDays\":7}"));
    assertThat(ClvSummarySpec.fromJson(defaults.toJson())).isEqualTo(defaults);

    assertThatThrownBy(() -> ClvSummarySpec.fromJson("{\"zone\":\"Z\",\"calibrationEnd\":\"1997-09-30\"}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unitDays");
    assertThatThrownBy(() -> ClvSummarySpec.fromJson(defaults.toJson().replace("refunds", "refund")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown field \"refund\"");
    assertThatThrownBy(() -> defaults.withHoldoutEnd(LocalDate.of(1997, 9, 30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("holdoutEnd must be after calibrationEnd 1997-09-30, got 1997-09-30");
    assertThatThrownBy(() -> defaults.withUnitDays(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unitDays must be in [1, 366], got 0");
    assertThatThrownBy(() -> ClvSummarySpec.of(UTC, LocalDate.of(1969, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calibrationEnd must be in [1970-01-01, 9999-12-30], got 1969-12-31");
    assertThatThrownBy(() -> defaults.withHoldoutEnd(LocalDate.of(9999, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holdoutEnd must be in");
  }

  /** One customer at a time from each user's local days, by {@code java.time}, not CalendarIndex. */
  static Expected reference(ClvSummarySpec spec, List<Order> orders) {
    Map<Long, TreeMap<LocalDate, Long>> byUser = new TreeMap<>();
    long counted = 0;
    long afterEnd = 0;
    LocalDate end = spec.holdoutEnd() == null ? spec.calibrationEnd() : spec.holdoutEnd();
    for (Order o : orders) {
      if (o.amountMinor() < 0 || o.occurredAtMillis() < 0 || !spec.refunds().counts(o.status())) {
        continue;
      }
      LocalDate day = o.occurredAt().atZone(spec.zone()).toLocalDate();
      byUser.computeIfAbsent(o.userId(), u -> new TreeMap<>()).merge(day, o.amountMinor(), Long::sum);
      counted++;
      afterEnd += day.isAfter(end) ? 1 : 0;
    }
    List<Row> rows = new ArrayList<>();
    long late = 0;
    LocalDate cal = spec.calibrationEnd();
    for (Map.Entry<Long, TreeMap<LocalDate, Long>> e : byUser.entrySet()) {
      TreeMap<LocalDate, Long> days = e.getValue();
      LocalDate first = days.firstKey();
      if (first.isAfter(cal)) {
        late++;
        continue;
      }
      var calibration = days.headMap(cal, true);
      LocalDate last = calibration.lastKey();
      long repeat = calibration.values().stream().mapToLong(Long::longValue).sum() - days.get(first);
      int holdout = days.subMap(cal, false, end, true).size();
      double unit = spec.unitDays();
      rows.add(
          new Row(
              e.getKey(),
              calibration.size() - 1,
              (last.toEpochDay() - first.toEpochDay()) / unit,
              (cal.toEpochDay() - first.toEpochDay()) / unit,
              repeat,
              holdout));
    }
    return new Expected(rows, late, counted, afterEnd);
  }

  record Expected(List<Row> rows, long buyersAfterCalibration, long orders, long ordersAfterEnd) {
    void assertMatches(ClvSummary summary) {
      assertThat(ClvSummaryAccumulatorTest.rows(summary)).isEqualTo(rows);
      assertThat(summary.buyersAfterCalibration()).isEqualTo(buyersAfterCalibration);
      assertThat(summary.orders()).isEqualTo(orders);
      assertThat(summary.ordersAfterEnd()).isEqualTo(ordersAfterEnd);
    }
  }

  /**
   * {@code count} orders of up to {@code users} users in New York from 2025-10-01 to 2026-10-31:
   * some at local midnight, some on the same day, some zero, some negative or before 1970, and
   * statuses of every kind.
   */
  static List<Order> randomOrders(int count, int users, long seed) {
    Random random = new Random(seed);
    long from = Instant.parse("2025-10-01T00:00:00Z").toEpochMilli();
    long span = Instant.parse("2026-10-31T00:00:00Z").toEpochMilli() - from;
    List<Order> orders = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long millis = from + (long) (random.nextDouble() * span);
      int kind = random.nextInt(40);
      if (kind == 0) {
        millis = millis - millis % 86_400_000L + 4 * 3_600_000L; // local midnight in EDT
      } else if (kind == 1 && i > 0) {
        millis = orders.get(i - 1).occurredAtMillis() + 1;
      } else if (kind == 2) {
        millis = -1;
      }
      long amount = kind == 3 ? -5 : kind == 4 ? 0 : random.nextInt(50_000);
      OrderStatus status = kind == 5 ? OrderStatus.REFUNDED : kind == 6 ? OrderStatus.CANCELLED : OrderStatus.PAID;
      long user = kind == 1 && i > 0 ? orders.get(i - 1).userId() : random.nextInt(users);
      orders.add(Order.of("o" + i, user, Instant.ofEpochMilli(millis), amount, status));
    }
    return orders;
  }

  static final ClvSummarySpec RANDOM_SPEC =
      new ClvSummarySpec(
          NEW_YORK,
          LocalDate.of(2026, 3, 8),
          LocalDate.of(2026, 9, 30),
          7,
          RefundTreatment.GROSS,
          BadRecordPolicy.SKIP_AND_COUNT);

  @Property(tries = 40)
  void matchesAReferenceComputedPerUser(
      @ForAll @IntRange(min = 0, max = 400) int count,
      @ForAll @IntRange(min = 1, max = 60) int users,
      @ForAll boolean holdout,
      @ForAll long seed) {
    ClvSummarySpec spec = holdout ? RANDOM_SPEC : RANDOM_SPEC.withHoldoutEnd(null);
    List<Order> orders = randomOrders(count, users, seed);

    reference(spec, orders).assertMatches(run(spec, orders));
  }

  @Test
  void foldsWhileAddingAndMergesLargeStates() {
    // 2.6M orders: one accumulator folds its log while adding (at 1Mi orders, then at as many as
    // the stored days and users), four quarters of them only when merged.
    int count = 2_600_000;
    SplittableRandom random = new SplittableRandom(7);
    long from = Instant.parse("2025-10-01T00:00:00Z").toEpochMilli();
    long span = Instant.parse("2026-10-31T00:00:00Z").toEpochMilli() - from;
    ClvSummaryAccumulator whole = RANDOM_SPEC.newAccumulator();
    List<ClvSummaryAccumulator> quarters = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      quarters.add(RANDOM_SPEC.newAccumulator());
    }
    List<Order> sampled = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int user = random.nextInt(30_000);
      long millis = from + random.nextLong(span);
      long amount = random.nextInt(50_000);
      whole.add(user, millis, amount);
      quarters.get(i % 4).add(user, millis, amount);
      if (user < 40) {
        sampled.add(Order.of("o" + i, user, Instant.ofEpochMilli(millis), amount, OrderStatus.PAID));
      }
    }
    ClvSummary summary = whole.result();

    assertThat(summary.orders()).isEqualTo(count);
    assertThat(quarters.get(0).merge(quarters.get(1)).merge(quarters.get(2).merge(quarters.get(3))).result())
        .isEqualTo(summary);
    assertThat(Accumulator.fromBytes(whole.toByteArray(), ClvSummaryAccumulator.class).result())
        .isEqualTo(summary);
    assertThat(rows(summary).stream().filter(row -> row.userId() < 40).toList())
        .isEqualTo(reference(RANDOM_SPEC, sampled).rows());
  }

  @Property(tries = 25)
  void accumulatorLawsHold(
      @ForAll @IntRange(min = 0, max = 200) int count,
      @ForAll @IntRange(min = 1, max = 40) int users,
      @ForAll long seed) {
    List<Order> orders = randomOrders(count, users, seed);
    for (ClvSummarySpec spec : List.of(RANDOM_SPEC, RANDOM_SPEC.withHoldoutEnd(null))) {
      AccumulatorLaws.<Order, ClvSummaryAccumulator, ClvSummary>of(
              spec, ClvSummaryAccumulator::add, spec.withUnitDays(1))
          .check(orders, seed);
    }
  }

  @Test
  void corruptBytesAreRejected() {
    ClvSummaryAccumulator acc = EXAMPLE_SPEC.newAccumulator();
    example().forEach(acc::add);
    byte[] bytes = acc.toByteArray();
    // The last byte is user 9's marker day: one day later lies beyond the marker.
    byte[] beyond = bytes.clone();
    beyond[beyond.length - 1]++;
    assertThatThrownBy(() -> EXAMPLE_SPEC.accumulatorFromBytes(beyond))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLVS: firstDay must be in");
    assertThatThrownBy(() -> ClvSummarySpec.of(UTC, LocalDate.of(2026, 3, 31)).accumulatorFromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLVS: expected spec");
  }

  /** Bytes of the hand-worked example in format version 1, written when the format was released. */
  @Test
  void version1BytesStillRead() throws IOException {
    ClvSummaryAccumulator fresh = EXAMPLE_SPEC.newAccumulator();
    example().forEach(fresh::add);
    byte[] v1;
    try (InputStream in = getClass().getResourceAsStream("/retention/golden/clv-summary-v1.bin")) {
      v1 = in.readAllBytes();
    }
    assertThat(fresh.toByteArray()).isEqualTo(v1);
    assertThat(Accumulator.fromBytes(v1, ClvSummaryAccumulator.class).result()).isEqualTo(fresh.result());
  }
}
