package dev.userops.retention.value;

import static dev.userops.retention.value.LtvAccumulatorTest.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Granularity;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.testing.AccumulatorLaws;
import dev.userops.retention.value.AcquisitionResult.Channel;
import dev.userops.retention.value.AcquisitionResult.Cohort;
import dev.userops.retention.value.AcquisitionResult.Payback;
import dev.userops.retention.value.AcquisitionResult.Pooled;
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

class AcquisitionAccumulatorTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Instant AS_OF = Instant.parse("2026-04-15T00:00:00Z");
  /** Monthly cohorts, intervals 0..3: on 2026-04-15 March is the last complete month. */
  private static final AcquisitionSpec SPEC =
      AcquisitionSpec.of(LtvSpec.of(UTC, AS_OF, Granularity.MONTH, 3));

  /** A sign-up ({@code amount < 0}) or a valid order, with the channel the host passes. */
  record Event(long user, String at, long amount, String channel) {
    void addTo(AcquisitionAccumulator acc) {
      if (amount < 0) {
        acc.addSignup(user, millis(at), channel);
      } else {
        acc.add(user, millis(at), amount, channel);
      }
    }
  }

  private static Event signup(long user, String at, String channel) {
    return new Event(user, at, -1, channel);
  }

  private static Event order(long user, String at, long amount, String channel) {
    return new Event(user, at, amount, channel);
  }

  private static AcquisitionResult run(List<Event> events) {
    AcquisitionAccumulator acc = SPEC.newAccumulator();
    events.forEach(e -> e.addTo(acc));
    return acc.result();
  }

  private static List<Long> cells(Long... values) {
    return Arrays.asList(values);
  }

  /**
   * The hand-computed vector.
   *
   * <pre>
   * user 1: sign-up Jan 02 "ads"; orders Jan 10 1000 ("web": a later touch, ignored), Feb 05 500
   * user 2: sign-up Jan 05 "ads"; first order Feb 03 2000
   * user 3: sign-up Jan 20 "ads"; no order
   * user 4: no sign-up; order Jan 15 3000 "ads"
   * user 5: sign-up Feb 01 "organic"; order Mar 02 600
   * user 6: order Dec 10 2025 100 "ads" (December: every interval 0..3 mature)
   * spend "ads": Dec 1000; Jan 3000 + 2000 (two rows); Feb 1000; Mar 2000 (no user: a cohort of none)
   *
   * ads December: first buyers 1, revenue 100 cumulative to March; spend 1000:
   *   ROI -9/10 at every interval; all four cells mature and 100 < 1000: payback NEVER
   * ads January: new users 3 (1, 2, 3), converted 2 (1, 2); first buyers 2 (1, 4)
   *   revenue: k0 1000 + 3000 = 4000, k1 + 500 = 4500, k2 4500, k3 April: null
   *   spend 5000: CAC 5000/2 = 2500, per new user 5000/3, conversion 2/3
   *   ROI (4000 - 5000)/5000 = -1/5, then -1/10, -1/10, null; payback NOT_YET
   * ads February: first buyer 2: revenue 2000, 2000, null, null; spend 1000: ROI 1, 1;
   *   payback PAID_BACK at 0
   * ads March: spend 2000, nobody: revenue 0 (March complete), null...; CAC null, ROI -1; NOT_YET
   * organic February: new user 5, converted; no first buyer. March: first buyer 5, revenue 600.
   *   No spend: CAC, ROI and payback null.
   * ads pooled: spend 1000 + 5000 + 1000 + 2000 = 9000 over first buyers 1 + 2 + 1 + 0 = 4
   *   (CAC 9/4 thousand); revenue per user k0 (100 + 4000 + 2000 + 0) / 4, ROI k0 6100/9000 - 1
   *   k1 (100 + 4500 + 2000) / 4 (March complete for Feb); k2 (100 + 4500) / 3; k3 100 / 1
   * </pre>
   */
  private static List<Event> handVector() {
    return List.of(
        signup(1, "2026-01-02T08:00:00Z", "ads"),
        order(1, "2026-01-10T08:00:00Z", 1000, "web"),
        order(1, "2026-02-05T08:00:00Z", 500, "web"),
        signup(2, "2026-01-05T08:00:00Z", "ads"),
        order(2, "2026-02-03T08:00:00Z", 2000, null),
        signup(3, "2026-01-20T08:00:00Z", "ads"),
        order(4, "2026-01-15T08:00:00Z", 3000, "ads"),
        signup(5, "2026-02-01T08:00:00Z", "organic"),
        order(5, "2026-03-02T08:00:00Z", 600, null),
        order(6, "2025-12-10T08:00:00Z", 100, "ads"));
  }

  private static final List<Spend> SPEND =
      List.of(
          new Spend("ads", LocalDate.of(2025, 12, 1), 1000),
          new Spend("ads", LocalDate.of(2026, 1, 1), 3000),
          new Spend("ads", LocalDate.of(2026, 1, 31), 2000),
          new Spend("ads", LocalDate.of(2026, 2, 14), 1000),
          new Spend("ads", LocalDate.of(2026, 3, 1), 2000));

  @Test
  void handComputedCohortsBeforeSpend() {
    AcquisitionResult result = run(handVector());

    assertThat(result.channels()).extracting(Channel::acquisitionChannel).containsExactly("ads", "organic");
    assertThat(result.channels().get(0).cohorts())
        .containsExactly(
            new Cohort(LocalDate.of(2025, 12, 1), null, 0, 0, 1, cells(100L, 100L, 100L, 100L)),
            new Cohort(LocalDate.of(2026, 1, 1), null, 3, 2, 2, cells(4000L, 4500L, 4500L, null)),
            new Cohort(LocalDate.of(2026, 2, 1), null, 0, 0, 1, cells(2000L, 2000L, null, null)));
    assertThat(result.channels().get(1).cohorts())
        .containsExactly(
            new Cohort(LocalDate.of(2026, 2, 1), null, 1, 1, 0, cells(0L, 0L, null, null)),
            new Cohort(LocalDate.of(2026, 3, 1), null, 0, 0, 1, cells(600L, null, null, null)));
    Cohort january = result.channels().get(0).cohorts().get(1);
    assertThat(january.conversion()).isEqualTo(Ratio.of(2, 3));
    assertThat(january.revenuePerUser()).containsExactly(Ratio.of(2000, 1), Ratio.of(2250, 1), Ratio.of(2250, 1), null);
    assertThat(january.cac()).isNull();
    assertThat(january.roi()).containsExactly(null, null, null, null);
    assertThat(january.payback()).isNull();
    assertThat(result.orders()).isEqualTo(6);
  }

  @Test
  void handComputedEconomics() {
    AcquisitionResult result = run(handVector()).withSpend(SPEND);

    List<Cohort> ads = result.channels().get(0).cohorts();
    assertThat(ads).extracting(Cohort::spendMinor).containsExactly(1000L, 5000L, 1000L, 2000L);
    Cohort december = ads.get(0);
    assertThat(december.roi()).containsOnly(Ratio.of(-9, 10));
    assertThat(december.payback()).isEqualTo(new Payback(Payback.Status.NEVER, null));

    Cohort january = ads.get(1);
    assertThat(january.cac()).isEqualTo(Ratio.of(2500, 1));
    assertThat(january.costPerNewUser()).isEqualTo(Ratio.of(5000, 3));
    assertThat(january.roi()).containsExactly(Ratio.of(-1, 5), Ratio.of(-1, 10), Ratio.of(-1, 10), null);
    assertThat(january.payback()).isEqualTo(new Payback(Payback.Status.NOT_YET, null));

    Cohort february = ads.get(2);
    assertThat(february.cac()).isEqualTo(Ratio.of(1000, 1));
    assertThat(february.roi()).containsExactly(Ratio.of(1, 1), Ratio.of(1, 1), null, null);
    assertThat(february.payback()).isEqualTo(new Payback(Payback.Status.PAID_BACK, 0));

    assertThat(ads.get(3))
        .isEqualTo(new Cohort(LocalDate.of(2026, 3, 1), 2000L, 0, 0, 0, cells(0L, null, null, null)));
    assertThat(ads.get(3).cac()).isNull();
    assertThat(ads.get(3).roi()).containsExactly(Ratio.of(-1, 1), null, null, null);
    assertThat(ads.get(3).payback()).isEqualTo(new Payback(Payback.Status.NOT_YET, null));

    Cohort organic = result.channels().get(1).cohorts().get(1);
    assertThat(organic.spendMinor()).isNull();
    assertThat(organic.cac()).isNull();
    assertThat(organic.roi()).containsOnlyNulls();
    assertThat(organic.payback()).isNull();

    Pooled pooled = result.channels().get(0).pooled();
    assertThat(pooled.spendMinor()).isEqualTo(9000);
    assertThat(pooled.cac()).isEqualTo(Ratio.of(9000, 4));
    assertThat(pooled.conversion()).isEqualTo(Ratio.of(2, 3));
    assertThat(pooled.revenuePerUser())
        .containsExactly(Ratio.of(6100, 4), Ratio.of(6600, 4), Ratio.of(4600, 3), Ratio.of(100, 1));
    assertThat(pooled.roi())
        .containsExactly(Ratio.of(6100 - 9000, 9000), Ratio.of(6600 - 7000, 7000), Ratio.of(4600 - 6000, 6000),
            Ratio.of(100 - 1000, 1000));
  }

  @Test
  void spendReplacesEarlierSpendAndAddsChannelsWithoutUsers() {
    AcquisitionResult once = run(handVector()).withSpend(SPEND);
    AcquisitionResult again =
        once.withSpend(List.of(new Spend("ads", LocalDate.of(2026, 1, 2), 10), new Spend("tv", LocalDate.of(2026, 2, 2), 7)));

    assertThat(again.channels()).extracting(Channel::acquisitionChannel).containsExactly("ads", "organic", "tv");
    assertThat(again.channels().get(0).cohorts()).extracting(Cohort::spendMinor).containsExactly(null, 10L, null);
    assertThat(again.channels().get(2).cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 2, 1), 7L, 0, 0, 0, cells(0L, 0L, null, null)));
    assertThat(again.withSpend(List.of())).isEqualTo(run(handVector()));
  }

  @Test
  void spendOutsideTheReportedCohortsIsRejected() {
    AcquisitionResult result = run(handVector());
    assertThatThrownBy(() -> result.withSpend(List.of(new Spend("ads", LocalDate.of(2026, 5, 1), 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spend period must be a cohort from any to the period of asOf 2026-04-15T00:00:00Z")
        .hasMessageContaining("2026-05-01");
    AcquisitionSpec fromFebruary = AcquisitionSpec.of(SPEC.cohorts().withFrom(LocalDate.of(2026, 2, 1)));
    AcquisitionAccumulator acc = fromFebruary.newAccumulator();
    handVector().forEach(e -> e.addTo(acc));
    assertThatThrownBy(() -> acc.result().withSpend(List.of(new Spend("ads", LocalDate.of(2026, 1, 31), 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from 2026-02-01");
    assertThatThrownBy(() -> new Spend("ads", LocalDate.of(2026, 1, 31), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spendMinor must be >= 0, got -1");
    assertThatThrownBy(() -> result.withSpend(List.of(new Spend("ads", LocalDate.of(2026, 1, 1), Long.MAX_VALUE),
        new Spend("ads", LocalDate.of(2026, 1, 2), 1)))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void zeroSpendPaysBackAtOnceAndHasNoRoi() {
    Cohort cohort = new Cohort(LocalDate.of(2026, 1, 1), 0L, 0, 0, 2, cells(0L, 5L));
    assertThat(cohort.payback()).isEqualTo(new Payback(Payback.Status.PAID_BACK, 0));
    assertThat(cohort.roi()).containsExactly(null, null);
    assertThat(cohort.cac()).isEqualTo(Ratio.of(0, 1));
  }

  @Test
  void theChannelIsThatOfTheEarliestTouchAndASignUpWinsATie() {
    // An order before the sign-up names the channel; at the same instant the sign-up does.
    AcquisitionResult result =
        run(
            List.of(
                order(1, "2026-01-01T00:00:00Z", 5, "organic"),
                signup(1, "2026-01-02T00:00:00Z", "ads"),
                order(2, "2026-01-01T00:00:00Z", 5, "organic"),
                signup(2, "2026-01-01T00:00:00Z", "ads"),
                signup(3, "2026-01-03T00:00:00Z", "b"),
                signup(3, "2026-01-03T00:00:00Z", "a"),
                signup(3, "2026-02-03T00:00:00Z", null)));
    assertThat(result.channels()).extracting(Channel::acquisitionChannel).containsExactly("a", "ads", "organic");
    assertThat(result.channels().get(0).cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 1, 1), null, 1, 0, 0, cells(0L, 0L, 0L, null)));
    // User 1 signed up after buying: a new user of January, converted, of channel "organic".
    assertThat(result.channels().get(2).cohorts())
        .containsExactly(new Cohort(LocalDate.of(2026, 1, 1), null, 1, 1, 1, cells(5L, 5L, 5L, null)));
  }

  @Test
  void ordersThroughValidOrdersNetRefunds() {
    ValidOrders join = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.REJECT, AS_OF);
    List<String> channels = new ArrayList<>();
    for (Order o : List.of(
        Order.of("a", 1, Instant.parse("2026-01-05T00:00:00Z"), 700, OrderStatus.REFUNDED),
        Order.of("b", 1, Instant.parse("2026-01-06T00:00:00Z"), 300, OrderStatus.PAID))) {
      join.addOrder(o);
      channels.add(o.orderId().equals("a") ? "refunded-first" : "ads");
    }
    AcquisitionResult result = SPEC.newAccumulator().addAll(join, channels::get).result();
    // The fully refunded first order is no purchase: the channel is the next valid order's.
    assertThat(result.channels()).extracting(Channel::acquisitionChannel).containsExactly("ads");
    assertThat(result.channels().get(0).cohorts().get(0).revenueMinor()).startsWith(300L);
  }

  @Test
  void badSignUpsAreRecordsOfTheSamePolicy() {
    AcquisitionAccumulator acc =
        AcquisitionSpec.of(SPEC.cohorts().withBadRecords(BadRecordPolicy.SKIP_AND_COUNT)).newAccumulator();
    acc.addSignup(1, millis("2026-04-15T00:00:00.001Z"), "ads");
    acc.addSignup(1, -5, "ads");
    acc.add(Order.of("o", 1, Instant.parse("2026-01-05T00:00:00Z"), -3, OrderStatus.PAID), "ads");
    AcquisitionResult result = acc.result();
    assertThat(result.channels()).isEmpty();
    assertThat(result.diagnostics().skipped())
        .containsEntry(BadRecordReason.AFTER_AS_OF, 1L)
        .containsEntry(BadRecordReason.BEFORE_1970, 1L)
        .containsEntry(BadRecordReason.NEGATIVE_AMOUNT, 1L);
  }

  @Test
  void emptyInputAndJson() {
    AcquisitionResult empty = SPEC.newAccumulator().result();
    assertThat(empty.channels()).isEmpty();
    assertThat(AcquisitionSpec.fromJson(SPEC.toJson())).isEqualTo(SPEC);
    assertThat(SPEC.toJson()).startsWith("{\"version\":1,\"cohorts\":{\"zone\":\"UTC\",");
    String json = run(handVector()).withSpend(SPEND).toJson();
    assertThat(json)
        .contains("\"payback\":{\"status\":\"NEVER\",\"interval\":null}")
        .contains("\"payback\":{\"status\":\"PAID_BACK\",\"interval\":0}")
        .contains("\"cac\":{\"numerator\":2500,\"denominator\":1,\"value\":2500.0}")
        .contains("\"pooled\":{\"spendMinor\":9000,");
  }

  @Property(tries = 30)
  void accumulatorLawsHold(@ForAll @IntRange(min = 0, max = 150) int count, @ForAll long seed) {
    LtvSpec base = SPEC.cohorts().withBadRecords(BadRecordPolicy.SKIP_AND_COUNT);
    List<Event> events = randomEvents(seed, count);
    for (LtvSpec cohorts : List.of(base, base.withFrom(LocalDate.of(2026, 1, 10)))) {
      AcquisitionSpec spec = AcquisitionSpec.of(cohorts);
      AcquisitionSpec other = AcquisitionSpec.of(cohorts.withRefunds(RefundTreatment.GROSS));
      AccumulatorLaws.<Event, AcquisitionAccumulator, AcquisitionResult>of(spec, (acc, e) -> e.addTo(acc), other)
          .check(events, seed);
    }
  }

  /** The orders of {@link LtvAccumulatorTest#randomPurchases}, one in three a sign-up instead. */
  static List<Event> randomEvents(long seed, int count) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    String[] channels = {null, "ads", "organic"};
    for (LtvAccumulatorTest.Purchase p : LtvAccumulatorTest.randomPurchases(seed, count)) {
      Order o = p.order();
      String at = o.occurredAt().toString();
      events.add(random.nextInt(3) == 0
          ? signup(o.userId(), at, channels[random.nextInt(channels.length)])
          : order(o.userId(), at, Math.max(0, o.amountMinor()), p.attribute()));
    }
    return events;
  }
}
