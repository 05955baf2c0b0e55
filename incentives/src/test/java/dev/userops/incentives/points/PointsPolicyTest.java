package dev.userops.incentives.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.ConfigException;
import dev.userops.core.Granularity;
import dev.userops.core.event.Behaviour;
import dev.userops.core.event.BehaviourType;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.Cap;
import dev.userops.incentives.OrderLine;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.points.LedgerEntry.EntryType;
import dev.userops.incentives.points.PointsEvent.Adjustment;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.points.PointsEvent.OrderRefund;
import dev.userops.incentives.points.PointsEvent.Redemption;
import dev.userops.incentives.points.PointsProgram.BehaviourRule;
import dev.userops.incentives.points.PointsProgram.Expiry;
import dev.userops.incentives.points.PointsProgram.OrderRule;
import dev.userops.incentives.points.PointsProgram.Overdraft;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointsPolicyTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

  private static PointsProgram program(int lockDays, Expiry expiry, Overdraft overdraft, List<OrderRule> orderRules,
      List<BehaviourRule> behaviourRules) {
    return new PointsProgram(PointsProgram.FORMAT_VERSION, orderRules, behaviourRules, lockDays, expiry, overdraft, 365, Map.of("gold", 150));
  }

  /** 1 point per whole yuan (100 fen), rounding down. */
  private static PointsPolicy simple(int lockDays, Expiry expiry, Overdraft overdraft) {
    return program(lockDays, expiry, overdraft, List.of(OrderRule.of("base", 1, 100)), List.of()).policy(SHANGHAI);
  }

  private static PointsState run(PointsPolicy policy, PointsEvent... events) {
    PointsState state = policy.newState();
    for (PointsEvent event : events) {
      state = policy.apply(state, event).state();
    }
    return state;
  }

  private static Instant day(int days) {
    return T0.plusSeconds(86_400L * days);
  }

  @Test
  void orderPointsRoundDownAndExcludeShippingAndSmallOrders() {
    OrderRule rule = new OrderRule("base", 0, 1, 100, 50_00, List.of("shipping"), Map.of("books", 200),
        Map.of("sku-9", 50), null, false);
    PointsPolicy policy = program(0, null, null, List.of(rule), List.of()).policy(SHANGHAI);
    OrderPaid order = new OrderPaid("o-1", T0, List.of(
        new OrderLine("sku-1", "books", 30_99),     // 200% of 30.99 = 61.98
        new OrderLine("sku-9", "books", 40_00),     // SKU wins over category: 50% of 40.00 = 20.00
        new OrderLine(null, "shipping", 10_00)), null); // excluded

    PointsOutcome outcome = policy.apply(policy.newState(), order);

    assertThat(outcome.entries()).extracting(LedgerEntry::key, LedgerEntry::available)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("earn:order:o-1/base", 81L)); // floor(81.98)
    OrderPaid small = new OrderPaid("o-2", T0, List.of(new OrderLine(null, "toys", 49_99),
        new OrderLine(null, "shipping", 10_00)), null);
    assertThat(policy.apply(outcome.state(), small).entries()).isEmpty();
  }

  @Test
  void levelMultiplierAppliesOnceAndRoundsDownAtTheEnd() {
    PointsPolicy policy = simple(0, null, null);
    // 1.99 yuan at 150%: floor(2.985) = 2, not floor(1.99) * 1.5 = 1.
    assertThat(policy.apply(policy.newState(), OrderPaid.of("o", T0, 1_99, "gold")).state().available()).isEqualTo(2);
    assertThat(policy.apply(policy.newState(), OrderPaid.of("o", T0, 1_99, "bronze")).state().available()).isEqualTo(1);
  }

  @Test
  void rulesRunByPriorityAndAStopRuleEndsTheEvaluation() {
    OrderRule promo = new OrderRule("promo", 0, 5, 100, 0, null, null, null, null, true);
    OrderRule base = new OrderRule("base", 1, 1, 100, 0, null, null, null, null, false);
    PointsPolicy stopping = program(0, null, null, List.of(base, promo), List.of()).policy(SHANGHAI);
    assertThat(stopping.apply(stopping.newState(), OrderPaid.of("o", T0, 10_00, null)).entries())
        .extracting(LedgerEntry::rule).containsExactly("promo");

    OrderRule stacking = new OrderRule("promo", 0, 5, 100, 0, null, null, null, null, false);
    PointsPolicy both = program(0, null, null, List.of(base, stacking), List.of()).policy(SHANGHAI);
    assertThat(both.apply(both.newState(), OrderPaid.of("o", T0, 10_00, null)).entries())
        .extracting(LedgerEntry::rule, LedgerEntry::available)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("promo", 50L), org.assertj.core.groups.Tuple.tuple("base", 10L));
  }

  @Test
  void capsCountCalendarDaysInTheZone() {
    BehaviourRule review = new BehaviourRule("review", 0, "REVIEW", 10, Cap.calendar(25, Granularity.DAY), false);
    PointsPolicy policy = program(0, null, null, List.of(), List.of(review)).policy(SHANGHAI);
    // 15:00Z and 15:59Z are 23:00 and 23:59 in Shanghai; 16:00Z is the next local day.
    Instant evening = Instant.parse("2026-03-01T15:00:00Z");
    PointsState state = run(policy,
        new BehaviourDone("r1", evening, "REVIEW", null),
        new BehaviourDone("r2", evening.plusSeconds(60), "REVIEW", null),
        new BehaviourDone("r3", evening.plusSeconds(3540), "REVIEW", null));
    assertThat(state.available()).isEqualTo(25); // 10 + 10 + 5 (truncated by the cap)
    PointsOutcome nextDay = policy.apply(state, new BehaviourDone("r4", evening.plusSeconds(3600), "REVIEW", null));
    assertThat(nextDay.state().available()).isEqualTo(35);
  }

  @Test
  void coreBehavioursMapToBehaviourEvents() {
    BehaviourRule photo = new BehaviourRule("photo", 0, "REVIEW_WITH_PHOTOS", 20, null, false);
    PointsPolicy policy = program(0, null, null, List.of(), List.of(photo)).policy(SHANGHAI);
    Behaviour behaviour = new Behaviour("b-1", 7, T0, BehaviourType.REVIEW_WITH_PHOTOS);
    assertThat(policy.apply(policy.newState(), BehaviourDone.of(behaviour, "gold")).state().available()).isEqualTo(30);
  }

  @Test
  void firstOrderBonusIsPaidOnceOnTheFirstEarningOrder() {
    BehaviourRule bonus = new BehaviourRule("welcome", 0, PointsPolicy.FIRST_ORDER, 100, null, false);
    PointsPolicy policy = program(0, null, null, List.of(OrderRule.of("base", 1, 100)), List.of(bonus)).policy(SHANGHAI);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 10_00, null), OrderPaid.of("o-2", day(1), 10_00, null));
    assertThat(state.available()).isEqualTo(120);
    assertThat(state.totals().earned()).isEqualTo(120);
  }

  @Test
  void orderPointsStayPendingForTheLockPeriodThenRelease() {
    PointsPolicy policy = simple(7, null, null);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 10_00, null));
    assertThat(state.pending()).isEqualTo(10);
    assertThat(state.available()).isZero();
    assertThat(policy.apply(state, new Redemption("r", day(6), 1)).status()).isEqualTo(OutcomeStatus.REJECTED);

    PointsOutcome released = policy.apply(state, new Evaluation(day(7)));
    assertThat(released.entries()).extracting(LedgerEntry::type, LedgerEntry::available, LedgerEntry::pending)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(EntryType.RELEASE, 10L, -10L));
    assertThat(released.state().available()).isEqualTo(10);
    assertThat(policy.apply(released.state(), new Evaluation(day(7))).entries()).isEmpty();
  }

  @Test
  void rollingExpiryExpiresEachLotAtItsOwnInstant() {
    PointsPolicy policy = simple(0, Expiry.rollingDays(30), null);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 10_00, null), OrderPaid.of("o-2", day(10), 5_00, null));
    PointsOutcome at30 = policy.apply(state, new Evaluation(day(30)));
    assertThat(at30.entries()).extracting(LedgerEntry::key, LedgerEntry::available)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("expire:order:o-1/base", -10L));
    assertThat(at30.state().available()).isEqualTo(5);
    assertThat(at30.state().totals().expired()).isEqualTo(10);
  }

  @Test
  void endOfNextYearExpiryIsInTheZone() {
    PointsPolicy policy = simple(0, Expiry.endOfYear(1), null);
    // 2026-12-31T16:30Z is already 2027-01-01 in Shanghai: it expires at the end of 2028 there.
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 10_00, null),
        OrderPaid.of("o-2", Instant.parse("2026-12-31T16:30:00Z"), 5_00, null));
    assertThat(state.lots()).extracting(PointsState.Lot::expiresAtMillis).containsExactly(
        Instant.parse("2027-12-31T16:00:00Z").toEpochMilli(), Instant.parse("2028-12-31T16:00:00Z").toEpochMilli());
  }

  @Test
  void redemptionSpendsTheSoonestExpiringLotsFirst() {
    PointsPolicy policy = simple(0, Expiry.rollingDays(30), null);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 10_00, null), OrderPaid.of("o-2", day(1), 20_00, null),
        new Redemption("r-1", day(2), 15));
    assertThat(state.lots()).extracting(PointsState.Lot::key, PointsState.Lot::points)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("order:o-2/base", 15L));

    PointsOutcome tooMuch = policy.apply(state, new Redemption("r-2", day(3), 16));
    assertThat(tooMuch.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(tooMuch.reason()).isEqualTo("insufficient balance: requested 16, available 15");
    assertThat(tooMuch.state()).isSameAs(state);
  }

  @Test
  void partialRefundsClawBackProportionallyFromPendingFirst() {
    PointsPolicy policy = simple(7, null, null);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 100_00, null));
    PointsOutcome third = policy.apply(state, new OrderRefund("f-1", "o-1", day(1), 33_33));
    assertThat(third.entries()).extracting(LedgerEntry::available, LedgerEntry::pending)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, -33L)); // floor(100 * 33.33/100)
    PointsOutcome rest = policy.apply(third.state(), new OrderRefund("f-2", "o-1", day(2), 66_67));
    assertThat(rest.state().pending()).isZero();
    assertThat(rest.state().totals().clawedBack()).isEqualTo(100);
    assertThat(policy.apply(rest.state(), new OrderRefund("f-3", "o-x", day(2), 1)).reason()).startsWith("unknown order o-x");
  }

  @Test
  void clawBackOfSpentPointsMakesDebtThatLaterEarningsRepay() {
    PointsPolicy policy = simple(0, null, Overdraft.NEGATIVE_BALANCE);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 50_00, null), new Redemption("r", day(1), 40),
        new OrderRefund("f", "o-1", day(2), 50_00));
    assertThat(state.available()).isEqualTo(-40);
    assertThat(state.debt()).isEqualTo(40);
    PointsState repaid = run(policy, OrderPaid.of("o-1", T0, 50_00, null), new Redemption("r", day(1), 40),
        new OrderRefund("f", "o-1", day(2), 50_00), OrderPaid.of("o-2", day(3), 60_00, null));
    assertThat(repaid.available()).isEqualTo(20);
    assertThat(repaid.debt()).isZero();
    assertThat(repaid.lots()).extracting(PointsState.Lot::points).containsExactly(20L);
  }

  @Test
  void floorAtZeroRecordsTheShortfall() {
    PointsPolicy policy = simple(0, null, Overdraft.FLOOR_AT_ZERO);
    PointsOutcome outcome = policy.apply(
        run(policy, OrderPaid.of("o-1", T0, 50_00, null), new Redemption("r", day(1), 40)),
        new OrderRefund("f", "o-1", day(2), 50_00));
    assertThat(outcome.state().available()).isZero();
    assertThat(outcome.state().shortfall()).isEqualTo(40);
    assertThat(outcome.entries()).extracting(LedgerEntry::available, LedgerEntry::note)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(-10L, "shortfall 40"));
  }

  @Test
  void adjustmentsAddOrTakePoints() {
    PointsPolicy policy = simple(0, null, Overdraft.FLOOR_AT_ZERO);
    PointsState state = run(policy, new Adjustment("a-1", T0, 30, "goodwill"), new Adjustment("a-2", day(1), -10, "typo"));
    assertThat(state.available()).isEqualTo(20);
  }

  @Test
  void duplicatesAndLateEventsChangeNothing() {
    PointsPolicy policy = simple(0, null, null);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 10_00, null));
    PointsOutcome again = policy.apply(state, OrderPaid.of("o-1", T0, 99_00, null));
    assertThat(again.status()).isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(again.state()).isSameAs(state);
    PointsOutcome late = policy.apply(policy.apply(state, new Evaluation(day(400))).state(), OrderPaid.of("o-0", T0, 1_00, null));
    assertThat(late.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(late.reason()).startsWith("late:");
  }

  @Test
  void programAndStateRoundTripThroughJson() {
    PointsProgram program = program(7, Expiry.endOfPeriod(Granularity.MONTH, 2), Overdraft.FLOOR_AT_ZERO,
        List.of(new OrderRule("base", 0, 1, 100, 0, List.of("shipping"), Map.of("books", 200), Map.of(), Cap.calendar(500, Granularity.WEEK), false)),
        List.of(new BehaviourRule("review", 0, "REVIEW", 5, null, false)));
    assertThat(PointsProgram.fromJson(program.toJson())).isEqualTo(program);
    PointsState state = run(program.policy(SHANGHAI), OrderPaid.of("o-1", T0, 10_00, "gold"),
        new BehaviourDone("b", T0, "REVIEW", null));
    assertThat(PointsState.fromJson(state.toJson())).isEqualTo(state);
  }

  @Test
  void badProgramsNameThePath() {
    assertThatThrownBy(() -> PointsProgram.fromJson("{\"version\":1,\"lockDays\":0,\"memoryDays\":90,\"orderRules\":[{\"id\":\"a\",\"priority\":0,\"pointsPerUnit\":1,\"unitMinor\":0,\"minOrderMinor\":0,\"stop\":false}]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("orderRules[0]: unitMinor of rule a must be > 0, got 0");
    assertThatThrownBy(() -> PointsProgram.fromJson("{\"version\":1,\"lockDays\":0}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("memoryDays: expected an integer"); // every primitive field is required
    assertThatThrownBy(() -> PointsProgram.fromJson("{\"version\":1,\"lockDays\":0,\"memoryDays\":90,\"expiry\":{\"kind\":\"ROLLING_DAYS\",\"days\":\"30\"}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("expiry.days: expected an integer");
    assertThatThrownBy(() -> PointsProgram.fromJson("{\"version\":1,\"lockDays\":0,\"memoryDays\":90,\"lockdays\":3}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("lockdays: unknown field");
    assertThatThrownBy(() -> PointsState.fromJson(simple(0, null, null).newState().toJson().replace("\"version\":2", "\"version\":9")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("version: expected 1 or 2, got 9");
  }

  @Test
  void overRefundsAreRejectedWithTheAmountsAndTakeNothing() {
    PointsPolicy policy = simple(0, null, null);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 100_00, null));
    PointsOutcome tooMuch = policy.apply(state, new OrderRefund("f-1", "o-1", day(1), 150_00));
    assertThat(tooMuch.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(tooMuch.reason()).isEqualTo("over-refund: 15000 refunded against order o-1, of which 10000 of 10000 is not yet refunded");
    assertThat(tooMuch.state()).isSameAs(state);
    assertThat(tooMuch.entries()).isEmpty();

    PointsState refunded = run(policy, OrderPaid.of("o-1", T0, 100_00, null), new OrderRefund("f-1", "o-1", day(1), 100_00));
    assertThat(refunded.available()).isZero();
    PointsOutcome twice = policy.apply(refunded, new OrderRefund("f-2", "o-1", day(2), 100_00));
    assertThat(twice.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(twice.reason()).endsWith("of which 0 of 10000 is not yet refunded");
    assertThat(twice.state()).isSameAs(refunded);
  }

  @Test
  void aMinimalProgramReadsWithTheDocumentedDefaults() {
    assertThat(PointsProgram.fromJson("{\"version\":2,\"memoryDays\":90}")).isEqualTo(PointsProgram.of(90, List.of(), List.of()));
    PointsProgram minimal = PointsProgram.fromJson("{\"version\":2,\"memoryDays\":90,"
        + "\"orderRules\":[{\"id\":\"base\",\"pointsPerUnit\":1,\"unitMinor\":100}],"
        + "\"behaviourRules\":[{\"id\":\"r\",\"behaviour\":\"REVIEW\",\"points\":5}],"
        + "\"expiry\":{\"kind\":\"END_OF_YEAR\"}}");
    assertThat(minimal).isEqualTo(PointsProgram.of(90, List.of(OrderRule.of("base", 1, 100)),
        List.of(BehaviourRule.of("r", "REVIEW", 5))).withExpiry(Expiry.endOfYear(0)));
    assertThat(minimal.lockDays()).isZero();
    assertThat(minimal.overdraft()).isEqualTo(Overdraft.NEGATIVE_BALANCE);
    assertThat(minimal.orderRules().get(0)).extracting(OrderRule::priority, OrderRule::minOrderMinor, OrderRule::cap, OrderRule::stop)
        .containsExactly(0, 0L, null, false);
    assertThat(PointsProgram.fromJson("{\"version\":2,\"memoryDays\":90,\"expiry\":{\"kind\":\"NEVER\"}}").expiry())
        .isEqualTo(Expiry.never());
    assertThatThrownBy(() -> PointsProgram.fromJson("{\"version\":2,\"memoryDays\":90,\"orderRules\":[{\"id\":\"base\",\"unitMinor\":100}]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pointsPerUnit");
  }

  @Test
  void withersChangeOneFieldAndKeepTheChecks() {
    PointsProgram program = PointsProgram.of(90, List.of(OrderRule.of("base", 1, 100)), List.of());
    assertThat(program.withLockDays(7).withOverdraft(Overdraft.FLOOR_AT_ZERO).withMemoryDays(120)
            .withLevelMultipliers(Map.of("gold", 150)).withExpiry(Expiry.rollingDays(30)))
        .isEqualTo(new PointsProgram(PointsProgram.FORMAT_VERSION, List.of(OrderRule.of("base", 1, 100)), List.of(), 7,
            Expiry.rollingDays(30), Overdraft.FLOOR_AT_ZERO, 120, Map.of("gold", 150)));
    assertThatThrownBy(() -> program.withLockDays(91)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memoryDays must be >= lockDays (91), got 90");
    assertThat(OrderRule.of("base", 1, 100).withPriority(2, true).withMinOrderMinor(50_00))
        .isEqualTo(new OrderRule("base", 2, 1, 100, 50_00, null, null, null, null, true));
  }

  @Test
  void rollingCapsAreRejectedWhenTheProgramIsBuiltNamingThePath() {
    assertThatThrownBy(() -> PointsProgram.fromJson("{\"version\":2,\"memoryDays\":90,\"behaviourRules\":[{\"id\":\"r\","
            + "\"behaviour\":\"REVIEW\",\"points\":5,\"cap\":{\"max\":5,\"window\":\"PT1H\",\"mode\":\"ROLLING\"}}]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("behaviourRules[0]: cap.mode of rule r: only CALENDAR caps (window P1D, P1W or P1M) are supported, got ROLLING over PT1H");
    assertThatThrownBy(() -> OrderRule.of("base", 1, 100).withCap(Cap.rolling(5, java.time.Duration.ofHours(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cap.mode of rule base");
  }

  @Test
  void lotsThatNeverExpireLeaveTheFieldOutAndTheOldFormStillReads() {
    PointsPolicy policy = simple(0, Expiry.never(), null);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 10_00, null));
    assertThat(state.lots()).extracting(PointsState.Lot::expiresAtMillis).containsExactly(Long.MAX_VALUE);
    String json = state.toJson();
    assertThat(json).doesNotContain("expiresAtMillis").doesNotContain("9223372036854775807");
    assertThat(PointsState.fromJson(json)).isEqualTo(state);
    String version1 = json.replace("\"version\":2", "\"version\":1")
        .replace("\"points\":10}", "\"expiresAtMillis\":9223372036854775807,\"points\":10}");
    assertThat(version1).contains("9223372036854775807");
    assertThat(PointsState.fromJson(version1)).isEqualTo(state);
    assertThat(PointsState.fromJson(json.replace("\"points\":10}", "\"expiresAtMillis\":null,\"points\":10}"))).isEqualTo(state);
  }

  @Test
  void theBinaryFormRoundTripsAndRejectsOtherBytes() {
    PointsPolicy policy = simple(7, Expiry.rollingDays(30), null);
    PointsState state = run(policy, OrderPaid.of("o-1", T0, 10_00, null), new BehaviourDone("b", day(1), "REVIEW", null),
        new Adjustment("a-1", day(2), 30, "goodwill"), new Redemption("r", day(3), 5));
    assertThat(PointsState.fromBytes(state.toBytes())).isEqualTo(state);
    assertThat(PointsState.fromBytes(policy.newState().toBytes())).isEqualTo(policy.newState());
    byte[] bytes = state.toBytes();
    assertThatThrownBy(() -> PointsState.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PNTS: truncated at clawedBack");
    assertThatThrownBy(() -> PointsState.fromBytes(dev.userops.core.internal.BinaryForm.writer("PUSH", 1).toByteArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected binary form of family PNTS, got PUSH");
    byte[] future = dev.userops.core.internal.BinaryForm.writer("PNTS", 3).toByteArray();
    assertThatThrownBy(() -> PointsState.fromBytes(future))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PNTS: expected format version 1..2, got 3");
  }

  @Test
  void theBinaryFormChecksCountsLengthsAndItsEnd() {
    PointsPolicy policy = simple(7, Expiry.rollingDays(365), null);
    PointsState state = policy.newState();
    for (int i = 0; i < 40; i++) {
      state = policy.apply(state, OrderPaid.of("o-" + i, day(i), 10_00 + i, null)).state();
    }
    assertThat(state.pendingLots()).hasSize(7);
    assertThat(state.lots()).hasSize(33);
    byte[] bytes = state.toBytes();
    assertThat(PointsState.fromBytes(bytes)).isEqualTo(state);

    // Offsets: a 12-byte header, four longs, then the count and the first order id of the orders.
    byte[] count = bytes.clone();
    java.nio.ByteBuffer.wrap(count).putInt(44, Integer.MAX_VALUE);
    assertThatThrownBy(() -> PointsState.fromBytes(count))
        .hasMessage("PNTS: orders must be in [0, %s], got %s", bytes.length / 12, Integer.MAX_VALUE);
    byte[] length = bytes.clone();
    java.nio.ByteBuffer.wrap(length).putInt(48, -1);
    assertThatThrownBy(() -> PointsState.fromBytes(length))
        .hasMessage("PNTS: orderId.length must be in [0, %s], got -1", bytes.length - 52);
    byte[] refunded = bytes.clone();
    refunded[48 + 4 + state.orders().get(0).orderId().length() + 24] = 2;
    assertThatThrownBy(() -> PointsState.fromBytes(refunded))
        .hasMessage("PNTS: refunded flag of order %s must be 0 or 1, got 2", state.orders().get(0).orderId());
    // After the orders (29 bytes and the id each, none refunded), the pending lots' count, then the
    // first one's flags (it names its order, by index, its key from its parts and earns when its
    // order was paid; its release is later) and order index.
    int lot = 48 + state.orders().stream().mapToInt(order -> 29 + order.orderId().length()).sum() + 4;
    assertThat(bytes[lot]).isEqualTo((byte) (1 + 4 + 2 + 16));
    assertThat(java.nio.ByteBuffer.wrap(bytes).getInt(lot + 1)).isEqualTo(state.orders().size() - 7);
    // The rule is written for the first lot of each list; the others have the same.
    assertThat(count(bytes, prefixed("base"))).isEqualTo(2);
    byte[] flags = bytes.clone();
    flags[lot] = 15;
    assertThatThrownBy(() -> PointsState.fromBytes(flags)).hasMessage("PNTS: lotFlags of pendingLots [0] invalid: 15");
    flags[lot] = 64;
    assertThatThrownBy(() -> PointsState.fromBytes(flags)).hasMessage("PNTS: lotFlags of pendingLots [0] invalid: 64");
    byte[] index = bytes.clone();
    java.nio.ByteBuffer.wrap(index).putInt(lot + 1, state.orders().size());
    assertThatThrownBy(() -> PointsState.fromBytes(index))
        .hasMessage("PNTS: orderIndex must be in [0, %s], got %s", state.orders().size() - 1, state.orders().size());
    byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> PointsState.fromBytes(trailing))
        .hasMessage("PNTS: expected end of data at offset %s, got 1 trailing bytes", bytes.length);
  }

  @Test
  void theBinaryFormWritesARememberedOrdersIdOnceAndReadsItAsOneString() {
    PointsPolicy policy = new PointsProgram(PointsProgram.FORMAT_VERSION,
        List.of(OrderRule.of("base", 1, 100), OrderRule.of("promo", 1, 100)), List.of(), 0, Expiry.never(), null, 30,
        Map.of()).policy(SHANGHAI);
    PointsState state = policy.newState();
    for (int i = 0; i < 40; i++) {
      state = policy.apply(state, OrderPaid.of("o-" + i, day(i), 10_00, null)).state();
    }
    assertThat(state.lots()).hasSize(80);
    List<String> remembered = state.orders().stream().map(PointsState.OrderMemo::orderId).toList();
    assertThat(remembered).hasSizeBetween(1, 39);
    byte[] bytes = state.toBytes();
    // A remembered order's id is written for the order only, a forgotten one's for each of its two lots.
    for (int i = 0; i < 40; i++) {
      String id = "o-" + i;
      assertThat(count(bytes, prefixed(id))).as(id).isEqualTo(remembered.contains(id) ? 1 : 2);
    }
    // The lots of an order alternate between the two rules, so each lot writes its rule.
    assertThat(count(bytes, prefixed("base"))).isEqualTo(40);
    PointsState read = PointsState.fromBytes(bytes);
    assertThat(read).isEqualTo(state);
    assertThat(read.lots().get(79).orderId()).isSameAs(read.orders().get(remembered.size() - 1).orderId());
    // Read from JSON, lots keep their keys whole, and so does the binary form.
    assertThat(PointsState.fromBytes(PointsState.fromJson(state.toJson()).toBytes())).isEqualTo(state);
  }

  private static byte[] prefixed(String text) {
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.nio.ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();
  }

  private static int count(byte[] bytes, byte[] part) {
    int count = 0;
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        count++;
      }
    }
    return count;
  }

  @Test
  void theBinaryFormWritesTextOutsideAsciiAsUtf8() {
    PointsPolicy policy = simple(0, Expiry.never(), null);
    PointsState state = run(policy, OrderPaid.of("订单-1", T0, 10_00, null), OrderPaid.of("café-🎁", day(1), 20_00, null),
        new Adjustment("a-1\uD800", day(2), 5, "goodwill"));
    byte[] bytes = state.toBytes();
    for (String text : List.of("订单-1", "café-🎁")) {
      assertThat(count(bytes, prefixed(text))).as(text).isEqualTo(1);
    }
    PointsState read = PointsState.fromBytes(bytes);
    assertThat(read.orders()).isEqualTo(state.orders());
    assertThat(read.lots().subList(0, 2)).isEqualTo(state.lots().subList(0, 2));
    // An unpaired surrogate is written as '?', as String.getBytes writes it.
    assertThat(read.seen()).extracting(PointsState.Seen::source).containsExactly("adjustment:a-1?");
  }
}
