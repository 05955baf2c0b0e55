package dev.userops.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.userops.core.CalendarIndex;
import dev.userops.core.ConfigException;
import dev.userops.core.event.Activity;
import dev.userops.core.event.Behaviour;
import dev.userops.core.event.BehaviourType;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.Refund;
import dev.userops.sample.SyntheticShop.Config;
import dev.userops.sample.SyntheticShop.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SyntheticShopTest {
  private static final SyntheticShop SMALL = SyntheticShop.of(Config.ofOrders(5_000, 42));
  /** About 10^5 orders, for rates and shapes. */
  private static final SyntheticShop LARGE = SyntheticShop.of(Config.ofOrders(100_000, 7));

  /** Every kind of output of a shop as records, for whole-output comparisons. */
  private record Output(
      List<User> users,
      List<Order> orders,
      List<Refund> refunds,
      List<Activity> activities,
      List<Behaviour> behaviours) {
    static Output of(SyntheticShop shop) {
      return new Output(shop.users(), shop.orders(), shop.refunds(), shop.activities(), shop.behaviours());
    }
  }

  @Test
  void sameSeedGivesIdenticalOutput() {
    Output again = Output.of(SyntheticShop.of(Config.ofOrders(5_000, 42)));

    assertThat(again).isEqualTo(Output.of(SMALL));
    assertThat(again.refunds()).isNotEmpty();
    assertThat(again.behaviours()).isNotEmpty();
  }

  @Test
  void differentSeedGivesDifferentOutputOfTheSameSize() {
    SyntheticShop other = SyntheticShop.of(SMALL.config().withSeed(43));

    assertThat(other.users()).hasSameSizeAs(SMALL.users()).isNotEqualTo(SMALL.users());
    assertThat(other.orders()).isNotEqualTo(SMALL.orders());
    assertThat(other.activities()).isNotEqualTo(SMALL.activities());
  }

  @Test
  void primitiveVisitsCarryTheSameDataAsRecords() {
    List<Order> orders = new ArrayList<>();
    SMALL.forEachOrder(
        (userId, seq, millis, amount, status) ->
            orders.add(Order.of("o" + userId + "-" + seq, userId, Instant.ofEpochMilli(millis), amount, status)));
    List<Refund> refunds = new ArrayList<>();
    SMALL.forEachRefund(
        (userId, seq, millis, amount) ->
            refunds.add(
                new Refund("r" + userId + "-" + seq, "o" + userId + "-" + seq, userId, Instant.ofEpochMilli(millis), amount)));
    List<Activity> activities = new ArrayList<>();
    SMALL.forEachActivity(
        (userId, millis, type) -> activities.add(new Activity(userId, Instant.ofEpochMilli(millis), type.eventName())));
    List<Behaviour> behaviours = new ArrayList<>();
    SMALL.forEachBehaviour(
        (userId, seq, millis, type) ->
            behaviours.add(new Behaviour("b" + userId + "-" + seq, userId, Instant.ofEpochMilli(millis), type)));

    assertThat(orders).isEqualTo(SMALL.orders());
    assertThat(refunds).isEqualTo(SMALL.refunds());
    assertThat(activities).isEqualTo(SMALL.activities());
    assertThat(behaviours).isEqualTo(SMALL.behaviours());
  }

  @Test
  void byUserColumnsHoldTheVisitedOrdersAndOrderCountCountsThem() {
    OrderColumns columns = SMALL.orderColumns(OrderColumns.Layout.BY_USER);
    List<Order> orders = SMALL.orders();

    assertThat(columns.size()).isEqualTo(orders.size()).isEqualTo((int) SMALL.orderCount());
    for (int i = 0; i < orders.size(); i++) {
      Order order = orders.get(i);
      assertThat(columns.userIds()[i]).isEqualTo(order.userId());
      assertThat(columns.epochMillis()[i]).isEqualTo(order.occurredAtMillis());
      assertThat(columns.amountMinor()[i]).isEqualTo(order.amountMinor());
      assertThat(columns.statuses()[i]).isEqualTo(order.status());
    }
  }

  @Test
  void shuffledColumnsArePermutationOfByUserColumns() {
    OrderColumns byUser = SMALL.orderColumns(OrderColumns.Layout.BY_USER);
    OrderColumns shuffled = SMALL.orderColumns(OrderColumns.Layout.SHUFFLED);

    assertThat(rows(shuffled)).isNotEqualTo(rows(byUser));
    assertThat(sorted(rows(shuffled))).isEqualTo(sorted(rows(byUser)));
    assertThat(rows(SMALL.orderColumns(OrderColumns.Layout.SHUFFLED))).isEqualTo(rows(shuffled));
  }

  private static List<List<Object>> rows(OrderColumns c) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      rows.add(List.of(c.userIds()[i], c.epochMillis()[i], c.amountMinor()[i], c.statuses()[i]));
    }
    return rows;
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(Comparator.comparing(Object::toString)).collect(Collectors.toList());
  }

  @Test
  void sizesAreWithinTenPercentOfTheTargetAt1000AndOnePercentAt100000() {
    for (long seed = 0; seed < 20; seed++) {
      assertThat((double) SyntheticShop.of(Config.ofOrders(1_000, seed)).orderCount())
          .as("seed %d", seed)
          .isCloseTo(1_000, within(100.0));
    }
    assertThat((double) LARGE.orderCount()).isCloseTo(100_000, within(1_000.0));
  }

  @Test
  void everyTimestampIsInThePeriodAndNotBeforeSignup() {
    long start = LARGE.startMillis();
    long end = LARGE.endMillis();
    long[] signup = LARGE.users().stream().mapToLong(u -> u.signedUpAt().toEpochMilli()).toArray();
    int[] violations = {0};
    SyntheticShop.OrderVisitor orders = (u, seq, t, amount, status) -> check(u, t, signup, start, end, violations);
    LARGE.forEachOrder(orders);
    LARGE.forEachRefund((u, seq, t, amount) -> check(u, t, signup, start, end, violations));
    LARGE.forEachActivity((u, t, type) -> check(u, t, signup, start, end, violations));
    LARGE.forEachBehaviour((u, seq, t, type) -> check(u, t, signup, start, end, violations));

    assertThat(violations[0]).isZero();
    assertThat(start).isEqualTo(LocalDate.of(2024, 1, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli());
    assertThat(end - start).isEqualTo(730L * 86_400_000L);
  }

  private static void check(long user, long millis, long[] signup, long start, long end, int[] violations) {
    if (millis < start || millis >= end || millis < signup[(int) user]) {
      violations[0]++;
    }
  }

  @Test
  void ordersAndActivitiesAreInTimeOrderPerUserWithOneActivityPerLocalDay() {
    CalendarIndex calendar = CalendarIndex.of(LARGE.config().zone());
    long[] previous = {-1, Long.MIN_VALUE, Long.MIN_VALUE};
    int[] violations = {0};
    LARGE.forEachOrder(
        (u, seq, t, amount, status) -> {
          if (u == previous[0] && t < previous[1]) {
            violations[0]++;
          }
          previous[0] = u;
          previous[1] = t;
        });
    previous[0] = -1;
    LARGE.forEachActivity(
        (u, t, type) -> {
          long day = calendar.dayIndex(t);
          boolean sameUser = u == previous[0];
          if ((sameUser && (day <= previous[2] || type != SyntheticShop.ActivityType.LAUNCH))
              || (!sameUser && type != SyntheticShop.ActivityType.SIGNUP)) {
            violations[0]++;
          }
          previous[0] = u;
          previous[2] = day;
        });

    assertThat(violations[0]).isZero();
  }

  @Test
  void refundsArePartialAfterTheirPaidOrderAndUnique() {
    Map<String, Order> orders = LARGE.orders().stream().collect(Collectors.toMap(Order::orderId, Function.identity()));
    List<Refund> refunds = LARGE.refunds();
    long paid = orders.values().stream().filter(o -> o.status() == OrderStatus.PAID).count();

    assertThat(refunds).extracting(Refund::refundId).doesNotHaveDuplicates();
    for (Refund refund : refunds) {
      Order order = orders.get(refund.orderId());
      assertThat(order).as(refund.refundId()).isNotNull();
      assertThat(order.status()).isEqualTo(OrderStatus.PAID);
      assertThat(order.userId()).isEqualTo(refund.userId());
      assertThat(refund.amountMinor()).isBetween(1L, order.amountMinor() - 1);
      assertThat(refund.occurredAt()).isAfter(order.occurredAt());
    }
    // A few refunds near the horizon have not happened yet.
    assertThat((double) refunds.size() / paid).isCloseTo(0.02, within(0.004));
  }

  @Test
  void statusesAndAmountsFollowTheConfiguredDistributions() {
    List<Order> orders = LARGE.orders();
    Map<OrderStatus, Long> byStatus =
        orders.stream().collect(Collectors.groupingBy(Order::status, () -> new EnumMap<>(OrderStatus.class), Collectors.counting()));
    long[] amounts = orders.stream().mapToLong(Order::amountMinor).sorted().toArray();

    assertThat((double) byStatus.get(OrderStatus.CANCELLED) / orders.size()).isCloseTo(0.05, within(0.005));
    assertThat((double) byStatus.get(OrderStatus.REFUNDED) / orders.size()).isCloseTo(0.03, within(0.004));
    assertThat((double) amounts[amounts.length / 2]).isCloseTo(5_000, within(300.0));
    assertThat(amounts[0]).isPositive();
    assertThat(orders).extracting(Order::orderId).doesNotHaveDuplicates();
  }

  @Test
  void usersComeFromEveryChannelAndBuyerShareIsAsConfigured() {
    List<User> users = LARGE.users();
    Map<SyntheticShop.AcquisitionChannel, Long> byChannel =
        users.stream().collect(Collectors.groupingBy(User::acquisitionChannel, Collectors.counting()));
    Set<Long> buyers = LARGE.orders().stream().map(Order::userId).collect(Collectors.toSet());

    assertThat(byChannel).containsOnlyKeys(SyntheticShop.AcquisitionChannel.values());
    assertThat((double) byChannel.get(SyntheticShop.AcquisitionChannel.ORGANIC) / users.size()).isCloseTo(0.35, within(0.02));
    assertThat((double) buyers.size() / users.size()).isCloseTo(0.6, within(0.005));
    assertThat(users).extracting(User::userId).containsExactlyElementsOf(
        LongStream.range(0, users.size()).boxed().collect(Collectors.toList()));
  }

  /** DOMAIN §2: ~80% of users gone within 3 days, ~90% within 30; the mean is as configured. */
  @Test
  void activityFollowsTheRuleOfThumbAndTheConfiguredMean() {
    CalendarIndex calendar = CalendarIndex.of(LARGE.config().zone());
    int users = (int) LARGE.config().users();
    long[] signupDay = new long[users];
    long[] lastDay = new long[users];
    long[] events = {0};
    LARGE.forEachActivity(
        (u, t, type) -> {
          long day = calendar.dayIndex(t);
          if (type == SyntheticShop.ActivityType.SIGNUP) {
            signupDay[(int) u] = day;
          }
          lastDay[(int) u] = day;
          events[0]++;
        });
    // Only users who signed up early enough to be seen for 31 days.
    long cutoff = calendar.dayIndex(LARGE.endMillis() - 1) - 31;
    int seen = 0;
    int after3 = 0;
    int after30 = 0;
    for (int u = 0; u < users; u++) {
      if (signupDay[u] <= cutoff) {
        seen++;
        after3 += lastDay[u] - signupDay[u] > 3 ? 1 : 0;
        after30 += lastDay[u] - signupDay[u] > 30 ? 1 : 0;
      }
    }

    assertThat((double) after3 / seen).isCloseTo(0.15, within(0.06));
    assertThat((double) after30 / seen).isCloseTo(0.10, within(0.02));
    assertThat((double) events[0] / users).isCloseTo(LARGE.config().meanActivityDays(), within(1.0));
  }

  @Test
  void behavioursOfEveryTypeOccurWithUniqueIds() {
    List<Behaviour> behaviours = LARGE.behaviours();
    Map<BehaviourType, Long> byType =
        behaviours.stream().collect(Collectors.groupingBy(Behaviour::type, () -> new EnumMap<>(BehaviourType.class), Collectors.counting()));
    Map<Long, Long> likesByUser =
        behaviours.stream()
            .filter(b -> b.type() == BehaviourType.LIKE_RECEIVED)
            .collect(Collectors.groupingBy(Behaviour::userId, HashMap::new, Collectors.counting()));
    long mostLikes = likesByUser.values().stream().mapToLong(Long::longValue).max().orElse(0);
    long reviews = byType.get(BehaviourType.REVIEW) + byType.get(BehaviourType.REVIEW_WITH_PHOTOS);

    assertThat(byType).containsOnlyKeys(BehaviourType.values());
    assertThat(behaviours).extracting(Behaviour::eventId).doesNotHaveDuplicates();
    assertThat((double) byType.get(BehaviourType.REVIEW_WITH_PHOTOS) / reviews).isCloseTo(0.3, within(0.02));
    // Opinion leaders: the most-liked user gets far more than the average liked user.
    assertThat(mostLikes).isGreaterThan(10L * byType.get(BehaviourType.LIKE_RECEIVED) / likesByUser.size());
  }

  @Test
  void configJsonRoundTrips() {
    Config config =
        Config.ofOrders(12_345, -9)
            .withZone(ZoneId.of("America/New_York"))
            .withStatusRates(0.1, 0.05, 0.03)
            .withBehaviourRates(new SyntheticShop.BehaviourRates(0.5, 0.1, 3, 0, 0.1, 0.9, 0.02));

    assertThat(Config.fromJson(config.toJson())).isEqualTo(config);
  }

  @Test
  void badConfigNamesTheFieldTheRuleAndTheValue() {
    String json = Config.of(10, 1).toJson();

    assertThatThrownBy(() -> Config.fromJson(json.replace("\"cancelRate\":0.05", "\"cancelRate\":1.5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cancelRate must be in [0.0, 1.0], got 1.5");
    assertThatThrownBy(() -> Config.fromJson(json.replace("\"users\":10", "\"users\":0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("users must be in [1, 2147483647], got 0");
    assertThatThrownBy(() -> Config.of(10, 1).withActivity(400, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meanActivityDays must be in [")
        .hasMessageContaining("got 400.0");
    assertThatThrownBy(() -> Config.of(10, 1).withPeriod(LocalDate.of(2024, 1, 1), 400, 300))
        .hasMessage("acquisitionDays must be in [1, 300], got 400");
  }

  @Test
  void rangesOutsideTheUsersAreRejected() {
    long users = SMALL.config().users();

    assertThatThrownBy(() -> SMALL.forEachOrder(0, users + 1, (u, s, t, a, st) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("toUser");
    assertThatThrownBy(() -> SMALL.forEachOrder(2, 1, (u, s, t, a, st) -> {}))
        .hasMessageContaining("toUser must be in [2, ");
  }

  /** Not a timed assertion: prints the primitive path's speed for the record. */
  @Test
  void printsGenerationSpeed() {
    SyntheticShop shop = SyntheticShop.of(Config.ofOrders(1_000_000, 1));
    long[] sum = {0};
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      shop.forEachOrder((u, seq, t, amount, status) -> sum[0] += amount);
      long nanos = System.nanoTime() - t0;
      System.out.printf("SyntheticShop: %d orders in %d ms (%.0f ns/order)%n",
          shop.orderCount(), nanos / 1_000_000, (double) nanos / shop.orderCount());
    }
    assertThat(sum[0]).isPositive();
  }
}
