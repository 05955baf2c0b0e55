package dev.userops.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordException;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.ConfigException;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.testing.AccumulatorLaws;
import dev.userops.sample.SyntheticShop;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RfmAccumulatorTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");

  /** One valid order as the primitive path takes it. */
  record Purchase(long userId, long epochMillis, long amountMinor) {}

  private static long millis(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BERLIN).toInstant().toEpochMilli();
  }

  private static List<Purchase> shopPurchases(long users, long seed) {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(users, seed).withZone(BERLIN));
    List<Purchase> purchases = new ArrayList<>();
    shop.forEachOrder((userId, seq, millis, amount, status) -> {
      if (status == OrderStatus.PAID) {
        purchases.add(new Purchase(userId, millis, amount));
      }
    });
    return purchases;
  }

  private static RfmSpec spec(SyntheticShop shop) {
    return RfmSpec.of(BERLIN, Instant.ofEpochMilli(shop.endMillis()));
  }

  @Property(tries = 8)
  void lawsHoldForEveryMeasure(@ForAll @IntRange(min = 0, max = 60) int users, @ForAll long seed) {
    List<Purchase> input = users == 0 ? List.of() : shopPurchases(users, seed);
    RfmSpec base = RfmSpec.of(BERLIN, Instant.parse("2026-06-01T00:00:00Z"));
    for (RfmSpec.Frequency frequency : RfmSpec.Frequency.values()) {
      for (RfmSpec.Monetary monetary : RfmSpec.Monetary.values()) {
        RfmSpec spec = base.withMeasures(frequency, monetary);
        AccumulatorLaws.<Purchase, RfmAccumulator, RfmFeatures>of(
                spec, (acc, p) -> acc.add(p.userId(), p.epochMillis(), p.amountMinor()),
                spec.withBadRecords(BadRecordPolicy.SKIP_AND_COUNT))
            .check(input, seed);
      }
    }
  }

  @Test
  void lawsHoldWithSkippedRecords() {
    List<Purchase> input = new ArrayList<>(shopPurchases(40, 7));
    input.add(new Purchase(3, millis("2024-05-01T10:00"), -5));
    input.add(new Purchase(4, Instant.parse("2027-01-01T00:00:00Z").toEpochMilli(), 5));
    // Spend beyond the 44 packed bits moves user 5 to the exact side table in some partitions only.
    for (int i = 0; i < 3; i++) {
      input.add(new Purchase(5, millis("2024-05-0" + (i + 1) + "T10:00"), 1L << 43));
    }
    RfmSpec spec = RfmSpec.of(BERLIN, Instant.parse("2026-06-01T00:00:00Z")).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    RfmFeatures features = AccumulatorLaws.<Purchase, RfmAccumulator, RfmFeatures>of(
            spec, (acc, p) -> acc.add(p.userId(), p.epochMillis(), p.amountMinor()),
            spec.withMeasures(RfmSpec.Frequency.PURCHASE_DAYS, RfmSpec.Monetary.TOTAL))
        .check(input, 11);
    assertThat(features.diagnostics().skipped(BadRecordReason.NEGATIVE_AMOUNT)).isEqualTo(1);
    assertThat(features.diagnostics().skipped(BadRecordReason.AFTER_AS_OF)).isEqualTo(1);
    int user5 = java.util.Arrays.binarySearch(
        java.util.stream.IntStream.range(0, features.size()).mapToLong(features::userId).toArray(), 5);
    assertThat(features.spendMinor(user5)).isGreaterThanOrEqualTo(3L << 43);
  }

  @Property(tries = 20)
  void columnsGiveWhatRowsGive(
      @ForAll @IntRange(min = 1, max = 1500) int users, @ForAll long seed, @ForAll boolean withBadRow,
      @ForAll boolean purchaseDays, @ForAll @IntRange(min = 0, max = 3) int huge) {
    List<Purchase> input = new ArrayList<>(shopPurchases(users, seed));
    if (withBadRow) {
      input.add(input.size() / 2, new Purchase(0, 5, -1));
    }
    for (int i = 0; i < huge; i++) {
      input.add(new Purchase(users - 1, 7, 1L << 43));
    }
    RfmSpec spec = RfmSpec.of(BERLIN, Instant.parse("2026-06-01T00:00:00Z")).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT)
        .withMeasures(purchaseDays ? RfmSpec.Frequency.PURCHASE_DAYS : RfmSpec.Frequency.ORDERS, RfmSpec.Monetary.TOTAL);
    long[] ids = input.stream().mapToLong(Purchase::userId).toArray();
    long[] times = input.stream().mapToLong(Purchase::epochMillis).toArray();
    long[] amounts = input.stream().mapToLong(Purchase::amountMinor).toArray();
    RfmAccumulator rows = spec.newAccumulator();
    input.forEach(p -> rows.add(p.userId(), p.epochMillis(), p.amountMinor()));
    int cut = ids.length / 3;
    RfmAccumulator columns = spec.newAccumulator().add(ids, times, amounts, 0, cut).add(ids, times, amounts, cut, ids.length);
    assertThat(columns.result()).isEqualTo(rows.result());
    assertThat(columns.toByteArray()).isEqualTo(rows.toByteArray());
  }

  @Property(tries = 10)
  void userStatesMergedUnderOtherDenseIdsGiveWhatOnePassGives(
      @ForAll @IntRange(min = 0, max = 300) int users, @ForAll long seed, @ForAll boolean meanPerOrder) {
    List<Purchase> input = new ArrayList<>(users == 0 ? List.of() : shopPurchases(users, seed));
    // Spend beyond the 44 packed bits: the side table's users take part too.
    input.add(new Purchase(users, millis("2024-05-01T10:00"), 1L << 43));
    input.add(new Purchase(users, millis("2024-05-02T10:00"), 1L << 43));
    RfmSpec spec = RfmSpec.of(BERLIN, Instant.parse("2026-06-01T00:00:00Z")).withMeasures(
        RfmSpec.Frequency.ORDERS, meanPerOrder ? RfmSpec.Monetary.MEAN_PER_ORDER : RfmSpec.Monetary.TOTAL);
    RfmAccumulator one = spec.newAccumulator();
    input.forEach(p -> one.add(p.userId(), p.epochMillis(), p.amountMinor()));

    // Three partitions, each user in several; each numbers its users in the order it first sees
    // them, as a per-partition dictionary does, and hands its states over under the original ids.
    RfmAccumulator merged = spec.newAccumulator();
    for (int part = 0; part < 3; part++) {
      List<Long> originalIds = new ArrayList<>();
      Map<Long, Integer> dense = new HashMap<>();
      RfmAccumulator partial = spec.newAccumulator();
      for (int i = part; i < input.size(); i += 3) {
        Purchase p = input.get(i);
        int id = dense.computeIfAbsent(p.userId(), original -> {
          originalIds.add(original);
          return originalIds.size() - 1;
        });
        partial.add(id, p.epochMillis(), p.amountMinor());
      }
      List<Long> given = new ArrayList<>();
      partial.forEachUser(state -> {
        given.add(state.userId());
        merged.addUser(new RfmAccumulator.UserState(
            originalIds.get((int) state.userId()), state.lastMillis(), state.orders(), state.spendMinor()));
      });
      assertThat(given).isSorted().hasSize(partial.result().size());
    }
    assertThat(merged.result()).isEqualTo(one.result());
  }

  @Test
  void userStatesNeedFrequencyOrdersAndATimeWithinAsOf() {
    RfmAccumulator days = RfmSpec.of(BERLIN, AS_OF)
        .withMeasures(RfmSpec.Frequency.PURCHASE_DAYS, RfmSpec.Monetary.TOTAL).newAccumulator().add(0, 1, 1);
    assertThatThrownBy(() -> days.forEachUser(state -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("PURCHASE_DAYS");
    assertThatThrownBy(() -> days.addUser(new RfmAccumulator.UserState(0, 1, 1, 1)))
        .isInstanceOf(IllegalStateException.class);
    RfmAccumulator orders = RfmSpec.of(BERLIN, AS_OF).newAccumulator();
    assertThatThrownBy(() -> orders.addUser(new RfmAccumulator.UserState(0, AS_OF.toEpochMilli() + 1, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastMillis must be <= asOf");
    assertThatThrownBy(() -> new RfmAccumulator.UserState(0, 1, 0, 1)).hasMessageContaining("orders must be > 0, got 0");
    assertThatThrownBy(() -> new RfmAccumulator.UserState(-1, 1, 1, 1)).hasMessageContaining("userId must be >= 0");
  }

  @Test
  void usersBeyondThePackedOrderCountStayExact() {
    RfmSpec spec = RfmSpec.of(BERLIN, AS_OF);
    RfmAccumulator acc = spec.newAccumulator();
    int orders = 600_000;
    for (int i = 0; i < orders; i++) {
      acc.add(1, i, 2);
    }
    RfmAccumulator copy = spec.accumulatorFromBytes(acc.toByteArray());
    RfmAccumulator merged = spec.newAccumulator().add(1, 0, 1).merge(copy);
    assertThat(acc.result().frequency(0)).isEqualTo(orders);
    assertThat(copy.result()).isEqualTo(acc.result());
    assertThat(merged.result().frequency(0)).isEqualTo(orders + 1);
    assertThat(merged.result().spendMinor(0)).isEqualTo(2L * orders + 1);
  }

  @Test
  void handWorkedFeaturesAcrossDst() {
    // Berlin springs forward on 2024-03-31. asOf 2024-04-01 00:30 local; the last order at 23:30
    // local on 2024-03-30 is 1 day 1 hour of wall time but 25 elapsed hours minus the lost hour
    // before: recency counts calendar dates, 2.
    RfmSpec spec = RfmSpec.of(BERLIN, Instant.ofEpochMilli(millis("2024-04-01T00:30")))
        .withMeasures(RfmSpec.Frequency.PURCHASE_DAYS, RfmSpec.Monetary.MEAN_PER_ORDER);
    RfmAccumulator acc = spec.newAccumulator();
    acc.add(0, millis("2024-03-30T23:30"), 100);
    acc.add(0, millis("2024-03-30T08:00"), 101);
    acc.add(0, millis("2024-03-01T08:00"), 0);
    acc.add(2, millis("2024-04-01T00:30"), 7);
    RfmFeatures f = acc.result();
    assertThat(f.size()).isEqualTo(2);
    assertThat(f.userId(0)).isZero();
    assertThat(f.recencyDays(0)).isEqualTo(2);
    assertThat(f.frequency(0)).as("distinct purchase days").isEqualTo(2);
    assertThat(f.spendMinor(0)).isEqualTo(201);
    assertThat(f.monetaryMinor(0)).as("201 / 3 = 67").isEqualTo(67);
    assertThat(f.userId(1)).isEqualTo(2);
    assertThat(f.recencyDays(1)).as("an order at asOf itself").isZero();
    assertThat(f.monetaryMinor(1)).isEqualTo(7);
  }

  @Test
  void meanRoundsHalfUp() {
    RfmAccumulator acc = RfmSpec.of(BERLIN, AS_OF)
        .withMeasures(RfmSpec.Frequency.ORDERS, RfmSpec.Monetary.MEAN_PER_ORDER).newAccumulator();
    acc.add(0, 0, 1).add(0, 0, 2).add(1, 0, 1).add(1, 0, 1).add(1, 0, 2);
    RfmFeatures f = acc.result();
    assertThat(f.monetaryMinor(0)).as("3/2 = 1.5 -> 2").isEqualTo(2);
    assertThat(f.monetaryMinor(1)).as("4/3 -> 1").isEqualTo(1);
  }

  @Test
  void orderRecordsCountOnlyPaidOrdersAndMatchThePrimitivePath() {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(80, 3).withZone(BERLIN));
    RfmSpec spec = spec(shop);
    RfmFeatures byRecords = shop.orders().stream().collect(spec.collector());
    RfmAccumulator primitive = spec.newAccumulator();
    shopPurchases(80, 3).forEach(p -> primitive.add(p.userId(), p.epochMillis(), p.amountMinor()));
    assertThat(byRecords.size()).isPositive();
    assertThat(byRecords).isEqualTo(primitive.result());
  }

  @Test
  void validOrdersFeedNetAmounts() {
    SyntheticShop shop = SyntheticShop.of(SyntheticShop.Config.of(80, 5).withZone(BERLIN).withStatusRates(0.1, 0.1, 0.3));
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.REJECT, null);
    shop.orders().forEach(valid::addOrder);
    shop.refunds().forEach(valid::addRefund);
    RfmFeatures features = spec(shop).newAccumulator().addAll(valid).result();

    long[] spend = new long[80];
    long[] orders = new long[80];
    valid.forEach((userId, millis, amount) -> {
      spend[(int) userId] += amount;
      orders[(int) userId]++;
    });
    long refundedMinor = shop.refunds().stream().mapToLong(r -> r.amountMinor()).sum();
    assertThat(refundedMinor).isPositive();
    for (int i = 0; i < features.size(); i++) {
      int user = (int) features.userId(i);
      assertThat(features.spendMinor(i)).isEqualTo(spend[user]);
      assertThat(features.frequency(i)).isEqualTo(orders[user]);
    }
    assertThat(features.size()).isEqualTo((int) java.util.Arrays.stream(orders).filter(o -> o > 0).count());
  }

  @Test
  void emptyInputHasNoUsers() {
    RfmFeatures f = RfmSpec.of(BERLIN, AS_OF).newAccumulator().result();
    assertThat(f.size()).isZero();
    assertThat(RfmScoring.quantiles(5).score(f).size()).isZero();
    assertThat(RfmScoring.rCompatible(5).score(f).size()).isZero();
  }

  @Test
  void badRecordsAreRejectedOrCounted() {
    RfmAccumulator reject = RfmSpec.of(BERLIN, AS_OF).newAccumulator();
    reject.add(0, 0, 1);
    assertThatThrownBy(() -> reject.add(1, 0, -1))
        .isInstanceOf(BadRecordException.class).hasMessageContaining("1").hasMessageContaining("NEGATIVE_AMOUNT");
    assertThatThrownBy(() -> reject.add(1, -1, 1)).isInstanceOf(BadRecordException.class).hasMessageContaining("BEFORE_1970");
    assertThatThrownBy(() -> reject.add(1, AS_OF.toEpochMilli() + 1, 1)).hasMessageContaining("AFTER_AS_OF");

    RfmAccumulator skip = RfmSpec.of(BERLIN, AS_OF).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT).newAccumulator();
    skip.add(0, 0, -1).add(Order.of("o1", 1, AS_OF.plusMillis(1), 5, OrderStatus.CANCELLED));
    assertThat(skip.result().size()).isZero();
    assertThat(skip.result().diagnostics().totalSkipped()).isEqualTo(2);
  }

  @Test
  void orderFieldsWithAStatusAddAsTheOrderDoes() {
    RfmSpec spec = RfmSpec.of(BERLIN, AS_OF).withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    RfmAccumulator byOrder = spec.newAccumulator();
    RfmAccumulator byFields = spec.newAccumulator();
    long day = 86_400_000L;
    long[][] rows = {{0, AS_OF.toEpochMilli() - day, 500}, {1, AS_OF.toEpochMilli() - 3 * day, 700},
        {1, AS_OF.toEpochMilli() + 1, 100}, {2, 0, -1}};
    int i = 0;
    for (long[] row : rows) {
      for (OrderStatus status : OrderStatus.values()) {
        byOrder.add(Order.of("o" + i++, row[0], Instant.ofEpochMilli(row[1]), row[2], status));
        byFields.add(row[0], row[1], row[2], status);
      }
    }
    assertThat(byFields.result()).isEqualTo(byOrder.result());
    assertThat(byFields.result().size()).isEqualTo(2);
    assertThat(byFields.result().diagnostics().totalSkipped()).isEqualTo(2L * OrderStatus.values().length);
    assertThatThrownBy(() -> byFields.add(0, 0, 1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void userIdsMustBeDenseIndexes() {
    RfmAccumulator acc = RfmSpec.of(BERLIN, AS_OF).newAccumulator();
    assertThatThrownBy(() -> acc.add(-1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dense index").hasMessageContaining("-1");
    assertThatThrownBy(() -> acc.add(RfmAccumulator.MAX_USERS, 0, 1)).hasMessageContaining(Long.toString(RfmAccumulator.MAX_USERS));
  }

  @Test
  void spendOverflowThrows() {
    RfmAccumulator acc = RfmSpec.of(BERLIN, AS_OF).newAccumulator().add(0, 0, Long.MAX_VALUE);
    assertThatThrownBy(() -> acc.add(0, 0, 1)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void specRoundTripsThroughJsonAndRejectsUnknownFields() {
    RfmSpec spec = RfmSpec.of(BERLIN, AS_OF).withMeasures(RfmSpec.Frequency.PURCHASE_DAYS, RfmSpec.Monetary.MEAN_PER_ORDER);
    assertThat(RfmSpec.fromJson(spec.toJson())).isEqualTo(spec);
    assertThat(RfmSpec.fromJson("{\"zone\":\"UTC\",\"asOf\":\"2025-01-01T00:00:00Z\"}"))
        .isEqualTo(RfmSpec.of(ZoneId.of("UTC"), AS_OF));
    assertThatThrownBy(() -> RfmSpec.fromJson("{\"zone\":\"UTC\",\"asOf\":\"2025-01-01T00:00:00Z\",\"window\":3}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("window");
    assertThatThrownBy(() -> RfmSpec.fromJson("{\"zone\":\"UTC\"}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("asOf");
    assertThatThrownBy(() -> RfmSpec.fromJson("{\"zone\":\"UTC\",\"asOf\":\"2025-01-01T00:00:00Z\",\"frequency\":\"VISITS\"}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("frequency");
  }

  @Test
  void corruptBytesAreRejected() {
    // Bytes of another family or version: AccumulatorLaws, in lawsHoldForEveryMeasure.
    RfmSpec spec = RfmSpec.of(BERLIN, AS_OF);
    byte[] bytes = spec.newAccumulator().add(3, 5, 7).toByteArray();
    assertThat(spec.accumulatorFromBytes(bytes).result()).isEqualTo(spec.newAccumulator().add(3, 5, 7).result());
    byte[] negativeOrders = bytes.clone();
    // orders of the one user are the second-to-last long
    java.nio.ByteBuffer.wrap(negativeOrders).putLong(negativeOrders.length - 16, -1);
    assertThatThrownBy(() -> spec.accumulatorFromBytes(negativeOrders)).hasMessageContaining("orders must be > 0");
  }
}
