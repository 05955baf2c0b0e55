package dev.userops.incentives.membership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.membership.MembershipEvent.CancelAutoRenew;
import dev.userops.incentives.membership.MembershipEvent.Chargeback;
import dev.userops.incentives.membership.MembershipEvent.PlanChange;
import dev.userops.incentives.membership.MembershipEvent.Purchase;
import dev.userops.incentives.membership.MembershipEvent.Refund;
import dev.userops.incentives.membership.MembershipEvent.Renewal;
import dev.userops.incentives.membership.MembershipEvent.RenewalFailed;
import dev.userops.incentives.membership.MembershipOutcome.Effect;
import dev.userops.incentives.membership.MembershipOutcome.Kind;
import dev.userops.incentives.membership.MembershipState.Period;
import dev.userops.incentives.membership.MembershipState.Settlement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples: month ends, leap days, DST, stacking, upgrades, refunds, grace and chargebacks. */
class MembershipPolicyTest {
  static final String PROGRAM = """
      {"version": 1, "longerIsCheaper": true, "graceDays": 7, "memoryDays": 3660,
       "refunds": {"fullWithinDays": 3, "thereafter": "PRO_RATA"},
       "plans": [
         {"id": "monthly", "period": "P1M", "priceMinor": 3100, "benefits": ["free-shipping"],
          "trialPriceMinor": 100, "autoRenew": true},
         {"id": "quarterly", "period": "P3M", "priceMinor": 8400, "benefits": ["free-shipping"], "autoRenew": true},
         {"id": "annual", "period": "P1Y", "priceMinor": 30000, "benefits": ["free-shipping"]},
         {"id": "plus", "period": "P1M", "priceMinor": 6200, "benefits": ["free-shipping", "member-prices"],
          "tier": 1, "autoRenew": true}]}
      """;
  static final MembershipPolicy POLICY = MembershipProgram.fromJson(PROGRAM).policy();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private MembershipState state = POLICY.newState();
  private int events;

  private static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  private MembershipOutcome apply(MembershipEvent event) {
    MembershipOutcome outcome = POLICY.apply(state, event);
    state = outcome.state();
    return outcome;
  }

  private MembershipOutcome buy(String plan, Instant at, ZoneId zone, String payment) {
    return apply(new Purchase("e" + events++, at, zone, plan, payment));
  }

  private MembershipOutcome renew(Instant at, String payment) {
    return apply(new Renewal("e" + events++, at, payment, true));
  }

  private Period period(String payment) {
    return state.periods().get(state.indexOfPayment(payment));
  }

  private static Effect effect(MembershipOutcome outcome, Kind kind) {
    return outcome.effects().stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void aMonthEndsOnTheSameDayAndTimeClampedAtMonthEndsAndTheChainKeepsItsAnchor() {
    MembershipOutcome first = buy("monthly", local("2026-01-31T10:00", SHANGHAI), SHANGHAI, "p1");
    assertThat(first.status()).isEqualTo(OutcomeStatus.APPLIED);
    assertThat(first.effects()).extracting(Effect::key, Effect::kind, Effect::amountMinor).containsExactly(
        org.assertj.core.groups.Tuple.tuple("membership:period:p1", Kind.PERIOD_GRANTED, 100L),
        org.assertj.core.groups.Tuple.tuple("membership:benefits-on:e0", Kind.BENEFITS_ON, 0L));
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-02-28T10:00", SHANGHAI));
    renew(local("2026-02-28T09:00", SHANGHAI), "p2");
    assertThat(period("p2").chargedMinor()).isEqualTo(3100);
    // From the anchor: 31 March, not 28 March.
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-03-31T10:00", SHANGHAI));
    renew(local("2026-03-30T00:00", SHANGHAI), "p3");
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-04-30T10:00", SHANGHAI));
    assertThat(POLICY.isActive(state, local("2026-04-30T09:59:59.999", SHANGHAI))).isTrue();
    assertThat(POLICY.isActive(state, local("2026-04-30T10:00", SHANGHAI))).isFalse();
  }

  @Test
  void aLeapYearFebruaryEndsOnThe29th() {
    buy("monthly", local("2028-01-31T23:30", SHANGHAI), SHANGHAI, "p1");
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2028-02-29T23:30", SHANGHAI));
  }

  @Test
  void aYearFromALeapDayEndsOnThe28thAndFourStackedYearsReturnToThe29th() {
    buy("annual", local("2028-02-29T12:00", SHANGHAI), SHANGHAI, "p1");
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2029-02-28T12:00", SHANGHAI));
    for (int i = 2; i <= 4; i++) {
      buy("annual", local("2028-03-01T12:00", SHANGHAI).plusSeconds(i), SHANGHAI, "p" + i);
    }
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2032-02-29T12:00", SHANGHAI));
    assertThat(period("p3").startMillis()).isEqualTo(local("2030-02-28T12:00", SHANGHAI).toEpochMilli());
  }

  @Test
  void stackedPurchasesEndWhereOneLongerPeriodWould() {
    buy("monthly", local("2026-01-31T10:00", SHANGHAI), SHANGHAI, "p1");
    MembershipOutcome stacked = buy("quarterly", local("2026-02-10T10:00", SHANGHAI), NEW_YORK, "p2");
    assertThat(stacked.effects()).extracting(Effect::kind).containsExactly(Kind.PERIOD_GRANTED);
    assertThat(period("p2").startMillis()).isEqualTo(local("2026-02-28T10:00", SHANGHAI).toEpochMilli());
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-05-31T10:00", SHANGHAI));
    assertThat(state.zone()).isEqualTo(SHANGHAI);
  }

  @Test
  void acrossADstChangeAPeriodKeepsItsLocalTime() {
    // New York moves to daylight time on 2026-03-08: this month is 31 local days, 743 hours.
    buy("monthly", local("2026-03-01T09:00", NEW_YORK), NEW_YORK, "p1");
    Instant end = local("2026-04-01T09:00", NEW_YORK);
    assertThat(POLICY.membershipEnd(state)).isEqualTo(end);
    assertThat(end).isEqualTo(Instant.parse("2026-04-01T13:00:00Z"));
    assertThat(POLICY.daysUsed(state, local("2026-03-08T08:59", NEW_YORK))).isEqualTo(7);
    assertThat(POLICY.daysUsed(state, local("2026-03-08T09:00", NEW_YORK))).isEqualTo(8);
    assertThat(POLICY.daysUsed(state, end)).isEqualTo(31);
  }

  @Test
  void anEndInADstGapMovesToTheGapsEnd() {
    // 02:30 on 2026-03-08 does not exist in New York (02:00 jumps to 03:00): the period ends at 03:00.
    buy("monthly", local("2026-02-08T02:30", NEW_YORK), NEW_YORK, "p1");
    assertThat(POLICY.membershipEnd(state)).isEqualTo(ZonedDateTime.of(2026, 3, 8, 3, 0, 0, 0, NEW_YORK).toInstant());
    // The next month keeps the anchor's 02:30.
    renew(local("2026-03-01T00:00", NEW_YORK), "p2");
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-04-08T02:30", NEW_YORK));
  }

  @Test
  void anEndInADstOverlapTakesItsFirstOccurrenceAndAStartInTheSecondKeepsItsLocalTime() {
    // 01:30 happens twice on 2026-11-01 in New York: the end is the first, in daylight time.
    buy("monthly", local("2026-10-01T01:30", NEW_YORK), NEW_YORK, "p1");
    assertThat(POLICY.membershipEnd(state)).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    MembershipState other = POLICY.apply(POLICY.newState(),
        new Purchase("x", Instant.parse("2026-11-01T06:30:00Z"), NEW_YORK, "annual", "q1")).state();
    // The second 01:30 (standard time) is 01:30 local: a year later is 01:30 on 2027-11-01.
    assertThat(POLICY.membershipEnd(other)).isEqualTo(local("2027-11-01T01:30", NEW_YORK));
  }

  @Test
  void anUpgradeCreditsTheUnusedDaysOfTheRunningPeriodAndAllOfTheStackedOnes() {
    buy("monthly", local("2026-01-01T10:00", SHANGHAI), SHANGHAI, "p1");
    renew(local("2026-01-05T10:00", SHANGHAI), "p2");
    // 16 of January's 31 days have begun (day 15 began at 10:00 on the 16th): 100 × 15 / 31 = 48.38.
    MembershipOutcome upgrade = apply(new PlanChange("up", local("2026-01-16T10:00", SHANGHAI), "plus", "p3"));
    assertThat(upgrade.status()).isEqualTo(OutcomeStatus.APPLIED);
    assertThat(period("p1").returnedMinor()).isEqualTo(48);
    assertThat(period("p2").returnedMinor()).isEqualTo(3100);
    assertThat(period("p2").settlement()).isEqualTo(Settlement.CREDITED);
    assertThat(period("p2").endMillis()).isEqualTo(period("p2").startMillis()).isEqualTo(period("p3").startMillis());
    assertThat(effect(upgrade, Kind.PERIOD_GRANTED).amountMinor()).isEqualTo(6200 - 48 - 3100);
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-02-16T10:00", SHANGHAI));
    assertThat(POLICY.benefitsAt(state, local("2026-01-20T00:00", SHANGHAI))).containsExactly("free-shipping", "member-prices");
    assertThat(POLICY.benefitsAt(state, local("2026-01-10T00:00", SHANGHAI))).containsExactly("free-shipping");
  }

  @Test
  void aCreditAboveTheNewPriceIsPaidBack() {
    buy("quarterly", local("2026-01-01T10:00", SHANGHAI), SHANGHAI, "p1");
    // 10 of 90 days begun: 8400 × 80 / 90 = 7466.67, so 7466, of which 6200 pays for plus.
    MembershipOutcome upgrade = apply(new PlanChange("up", local("2026-01-11T09:00", SHANGHAI), "plus", "p2"));
    assertThat(effect(upgrade, Kind.PERIOD_GRANTED).amountMinor()).isZero();
    assertThat(effect(upgrade, Kind.REFUND_DUE)).satisfies(e -> {
      assertThat(e.key()).isEqualTo("membership:credit-refund:up");
      assertThat(e.amountMinor()).isEqualTo(1266);
    });
  }

  @Test
  void aDowngradeWaitsForTheNextRenewal() {
    buy("plus", local("2026-01-01T10:00", SHANGHAI), SHANGHAI, "p1");
    MembershipOutcome down = apply(new PlanChange("down", local("2026-01-10T10:00", SHANGHAI), "monthly", null));
    assertThat(down.effects()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(Kind.PLAN_CHANGE_SCHEDULED);
      assertThat(e.atMillis()).isEqualTo(local("2026-02-01T10:00", SHANGHAI).toEpochMilli());
    });
    assertThat(POLICY.benefitsAt(state, local("2026-01-20T00:00", SHANGHAI))).contains("member-prices");
    renew(local("2026-02-01T09:00", SHANGHAI), "p2");
    assertThat(period("p2").plan()).isEqualTo("monthly");
    assertThat(period("p2").chargedMinor()).isEqualTo(3100);
    assertThat(state.pendingPlan()).isNull();
  }

  @Test
  void refundsAreFullWithinTheWindowThenProRataAndNeverTwice() {
    buy("quarterly", local("2026-01-01T10:00", SHANGHAI), SHANGHAI, "p1");
    buy("quarterly", local("2026-01-02T10:00", SHANGHAI), SHANGHAI, "p2");
    // p2 was paid 2 days ago: in full, and its months (not begun) go.
    MembershipOutcome full = apply(new Refund("r1", local("2026-01-04T09:00", SHANGHAI), "p2"));
    assertThat(period("p2").startMillis()).isEqualTo(period("p2").endMillis())
        .isEqualTo(local("2026-01-04T09:00", SHANGHAI).toEpochMilli());
    assertThat(full.effects()).singleElement().satisfies(e -> {
      assertThat(e.key()).isEqualTo("membership:refund:p2");
      assertThat(e.amountMinor()).isEqualTo(8400);
    });
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-04-01T10:00", SHANGHAI));
    // p1 after 3 days: 31 of 90 days have begun before 10:00 on 1 February → 8400 × 59 / 90 = 5506.67.
    MembershipOutcome proRata = apply(new Refund("r2", local("2026-02-01T09:00", SHANGHAI), "p1"));
    assertThat(effect(proRata, Kind.REFUND_DUE).amountMinor()).isEqualTo(5506);
    assertThat(effect(proRata, Kind.BENEFITS_OFF).atMillis()).isEqualTo(local("2026-02-01T09:00", SHANGHAI).toEpochMilli());
    assertThat(POLICY.isActive(state, local("2026-02-01T09:00", SHANGHAI))).isFalse();
    assertThat(POLICY.daysUsed(state, local("2026-03-01T00:00", SHANGHAI))).isEqualTo(31);
    assertThat(state.autoRenew()).isFalse();
    MembershipOutcome again = apply(new Refund("r3", local("2026-02-02T10:00", SHANGHAI), "p1"));
    assertThat(again.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(again.reason()).isEqualTo("payment p1 was already refunded");
    assertThat(apply(new Refund("r2", local("2026-02-02T10:00", SHANGHAI), "p1")).status())
        .isEqualTo(OutcomeStatus.DUPLICATE);
  }

  @Test
  void aRefundOfARunningPeriodLetsTheStackedOnesFollowFromTheRefund() {
    buy("annual", local("2026-01-01T10:00", SHANGHAI), SHANGHAI, "p1");
    buy("monthly", local("2026-01-01T11:00", SHANGHAI), SHANGHAI, "p2");
    apply(new Refund("r", local("2026-07-01T10:00", SHANGHAI), "p1"));
    assertThat(period("p2").startMillis()).isEqualTo(local("2026-07-01T10:00", SHANGHAI).toEpochMilli());
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-08-01T10:00", SHANGHAI));
    assertThat(POLICY.isActive(state, local("2026-07-15T00:00", SHANGHAI))).isTrue();
  }

  @Test
  void withoutProRataALateRefundIsRejectedWithTheReason() {
    MembershipPolicy strict = MembershipProgram.fromJson(
        PROGRAM.replace("\"thereafter\": \"PRO_RATA\"", "\"thereafter\": \"NONE\"")).policy();
    MembershipState s = strict.apply(strict.newState(),
        new Purchase("e", local("2026-01-01T10:00", SHANGHAI), SHANGHAI, "annual", "p")).state();
    MembershipOutcome late = strict.apply(s, new Refund("r", local("2026-01-04T10:00", SHANGHAI), "p"));
    assertThat(late.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(late.reason()).isEqualTo("no refund due for payment p: refunds end 3 days after the payment");
    assertThat(effect(strict.apply(s, new Refund("r", local("2026-01-04T09:59", SHANGHAI), "p")), Kind.REFUND_DUE)
        .amountMinor()).isEqualTo(30000L);
  }

  @Test
  void aFailedRenewalStartsGraceAndARenewalInGraceContinuesWithoutAGap() {
    buy("monthly", local("2026-01-15T10:00", SHANGHAI), SHANGHAI, "p1");
    MembershipOutcome failed = apply(new RenewalFailed("f", local("2026-02-15T10:00", SHANGHAI)));
    assertThat(effect(failed, Kind.GRACE_STARTED).untilMillis()).isEqualTo(local("2026-02-22T10:00", SHANGHAI).toEpochMilli());
    assertThat(POLICY.isActive(state, local("2026-02-20T00:00", SHANGHAI))).isTrue();
    assertThat(POLICY.benefitsAt(state, local("2026-02-20T00:00", SHANGHAI))).containsExactly("free-shipping");
    assertThat(POLICY.isActive(state, local("2026-02-22T10:00", SHANGHAI))).isFalse();
    renew(local("2026-02-20T00:00", SHANGHAI), "p2");
    assertThat(period("p2").startMillis()).isEqualTo(local("2026-02-15T10:00", SHANGHAI).toEpochMilli());
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-03-15T10:00", SHANGHAI));
    assertThat(state.graceUntilMillis()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void afterGraceOnlyAPurchaseStartsANewMembership() {
    buy("monthly", local("2026-01-15T10:00", SHANGHAI), SHANGHAI, "p1");
    apply(new RenewalFailed("f", local("2026-02-15T10:00", SHANGHAI)));
    MembershipOutcome late = renew(local("2026-02-22T10:00", SHANGHAI), "p2");
    assertThat(late.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(late.reason()).startsWith("the membership lapsed at 2026-02-22T02:00:00Z");
    MembershipOutcome again = buy("monthly", local("2026-03-01T08:00", NEW_YORK), NEW_YORK, "p3");
    assertThat(effect(again, Kind.PERIOD_GRANTED).amountMinor()).as("no second trial").isEqualTo(3100);
    assertThat(state.zone()).isEqualTo(NEW_YORK);
    assertThat(POLICY.membershipEnd(state)).isEqualTo(local("2026-04-01T08:00", NEW_YORK));
  }

  @Test
  void cancellingAutoRenewRejectsAutomaticRenewalsButNotManualOnes() {
    buy("monthly", local("2026-01-15T10:00", SHANGHAI), SHANGHAI, "p1");
    assertThat(apply(new CancelAutoRenew("c", local("2026-01-20T10:00", SHANGHAI))).effects())
        .extracting(Effect::kind).containsExactly(Kind.AUTO_RENEW_OFF);
    assertThat(renew(local("2026-02-15T09:00", SHANGHAI), "p2").reason()).isEqualTo("auto-renew is off");
    assertThat(apply(new Renewal("m", local("2026-02-15T09:00", SHANGHAI), "p2", false)).status())
        .isEqualTo(OutcomeStatus.APPLIED);
  }

  @Test
  void aChargebackLosesThePaymentEndsItsTimeAndStopsRenewals() {
    buy("quarterly", local("2026-01-01T10:00", SHANGHAI), SHANGHAI, "p1");
    MembershipOutcome chargeback = apply(new Chargeback("cb", local("2026-02-01T10:00", SHANGHAI), "p1"));
    assertThat(chargeback.effects()).extracting(Effect::kind, Effect::amountMinor).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.CHARGED_BACK, 8400L),
        org.assertj.core.groups.Tuple.tuple(Kind.BENEFITS_OFF, 0L));
    assertThat(state.autoRenew()).isFalse();
    assertThat(apply(new Refund("r", local("2026-02-02T10:00", SHANGHAI), "p1")).reason())
        .isEqualTo("payment p1 was already charged back");
    assertThat(apply(new Chargeback("cb2", local("2026-02-02T10:00", SHANGHAI), "p1")).status())
        .isEqualTo(OutcomeStatus.REJECTED);
  }

  @Test
  void aPaymentIdSeenBeforeIsADuplicateAndEventsOutOfOrderAreRejected() {
    buy("monthly", local("2026-01-15T10:00", SHANGHAI), SHANGHAI, "p1");
    MembershipOutcome sameEvent = apply(new Purchase("e0", local("2026-01-16T10:00", SHANGHAI), SHANGHAI, "monthly", "p9"));
    assertThat(sameEvent.status()).isEqualTo(OutcomeStatus.DUPLICATE);
    MembershipOutcome samePayment = buy("monthly", local("2026-01-16T10:00", SHANGHAI), SHANGHAI, "p1");
    assertThat(samePayment.status()).isEqualTo(OutcomeStatus.DUPLICATE);
    assertThat(samePayment.reason()).isEqualTo("payment p1 was already applied");
    MembershipOutcome early = buy("monthly", local("2026-01-14T10:00", SHANGHAI), SHANGHAI, "p2");
    assertThat(early.status()).isEqualTo(OutcomeStatus.REJECTED);
    assertThat(early.effects()).isEmpty();
  }

  @Test
  void theStateReadsBackFromJson() {
    buy("monthly", local("2026-01-31T10:00", SHANGHAI), SHANGHAI, "p1");
    apply(new RenewalFailed("f", local("2026-02-28T10:00", SHANGHAI)));
    assertThat(MembershipState.fromJson(state.toJson())).isEqualTo(state);
    assertThat(MembershipState.fromJson(POLICY.newState().toJson())).isEqualTo(POLICY.newState());
    assertThat(List.of(state.toJson())).allSatisfy(json -> assertThat(json).startsWith("{\"version\":1,"));
  }
}
