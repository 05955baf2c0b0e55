package dev.userops.incentives.membership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.testing.PolicyLaws;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.membership.MembershipOutcome.Effect;
import dev.userops.incentives.membership.MembershipOutcome.Kind;
import dev.userops.incentives.membership.MembershipState.Period;
import dev.userops.incentives.membership.MembershipState.Settlement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Membership invariants over random event sequences in zones with DST, and the calendar laws. */
class MembershipProperties {
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
      ZoneId.of("Europe/London"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Apia"));
  private static final List<String> PLANS = List.of("monthly", "quarterly", "annual", "plus", "unknown");
  private static final MembershipPolicy POLICY = MembershipPolicyTest.POLICY;

  @Property(tries = 300)
  void refundsNeverGoNegativeNeverExceedThePaymentAndNeverRepeat(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int count) {
    List<MembershipEvent> events = randomEvents(new SplittableRandom(seed), count);
    List<MembershipOutcome> outcomes = PolicyLaws.of(POLICY.newState(), POLICY::apply, MembershipOutcome::state,
            (MembershipOutcome outcome) -> outcome.effects().stream().map(Effect::key).toList(),
            (MembershipState state) -> MembershipState.fromJson(state.toJson()))
        .check(events, seed);
    Map<String, Long> charged = new HashMap<>();
    Map<String, Long> givenBack = new HashMap<>();
    MembershipState state = POLICY.newState();
    for (MembershipOutcome outcome : outcomes) {
      if (outcome.status() != OutcomeStatus.APPLIED) {
        assertThat(outcome.state()).isSameAs(state);
        assertThat(outcome.effects()).isEmpty();
        assertThat(outcome.reason()).isNotBlank();
      }
      state = outcome.state();
      for (Effect effect : outcome.effects()) {
        assertThat(effect.untilMillis()).isGreaterThanOrEqualTo(effect.atMillis());
        if (effect.kind() == Kind.PERIOD_GRANTED) {
          assertThat(effect.untilMillis()).as("end after start").isGreaterThan(effect.atMillis());
          charged.put(effect.key().substring("membership:period:".length()), effect.amountMinor());
        } else if (effect.kind() == Kind.REFUND_DUE && effect.key().startsWith("membership:refund:")) {
          String payment = effect.key().substring("membership:refund:".length());
          assertThat(effect.amountMinor()).isPositive();
          assertThat(givenBack.put(payment, effect.amountMinor())).as("refunded twice: %s", payment).isNull();
        }
      }
      for (Period period : state.periods()) {
        assertThat(period.returnedMinor()).isBetween(0L, period.chargedMinor());
        assertThat(period.endMillis()).isGreaterThanOrEqualTo(period.startMillis());
        if (period.settlement() == Settlement.PAID) {
          assertThat(period.endMillis()).isGreaterThan(period.startMillis());
        }
        if (period.settlement() == Settlement.REFUNDED) {
          assertThat(period.returnedMinor()).isEqualTo(givenBack.get(period.paymentId()));
        }
      }
      List<Period> standing = state.periods().stream().filter(p -> p.endMillis() > p.startMillis())
          .sorted(Comparator.comparingLong(Period::startMillis)).toList();
      for (int i = 1; i < standing.size(); i++) {
        assertThat(standing.get(i).startMillis()).as("periods never overlap").isGreaterThanOrEqualTo(standing.get(i - 1).endMillis());
      }
    }
    givenBack.forEach((payment, amount) -> assertThat(amount).isLessThanOrEqualTo(charged.get(payment)));
  }

  @Property(tries = 500)
  void stackingIsAdditiveInTheLocalCalendar(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    Instant start = Instant.ofEpochSecond(Instant.parse("2001-01-01T00:00:00Z").getEpochSecond()
        + random.nextLong(60L * 365 * 86_400) / 60 * 60);
    MembershipState state = POLICY.newState();
    int months = 0;
    long t = start.toEpochMilli();
    int purchases = 1 + random.nextInt(6);
    for (int i = 0; i < purchases; i++) {
      String plan = PLANS.get(random.nextInt(3));
      months += MembershipProgram.fromJson(MembershipPolicyTest.PROGRAM).plan(plan).months();
      state = POLICY.apply(state, new MembershipEvent.Purchase("e" + i, Instant.ofEpochMilli(t), zone, plan, "p" + i))
          .state();
      t += random.nextLong(20L * 86_400_000);
    }
    assertThat(POLICY.membershipEnd(state)).isEqualTo(reference(LocalDateTime.ofInstant(start, zone).plusMonths(months), zone));
    for (Period period : state.periods()) {
      assertThat(period.endMillis()).isGreaterThan(period.startMillis());
    }
  }

  /** java.time's month arithmetic, with a time in a DST gap moved to the gap's end, as the policy documents. */
  private static Instant reference(LocalDateTime local, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    if (rules.getValidOffsets(local).isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    return local.atZone(zone).toInstant();
  }

  @Property(tries = 300)
  void daysUsedGrowByOneADayAndARefundNeverExceedsTheUnusedShare(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    Instant start = Instant.ofEpochSecond(Instant.parse("2001-01-01T00:00:00Z").getEpochSecond()
        + random.nextLong(60L * 365 * 86_400));
    MembershipState state = POLICY.apply(POLICY.newState(),
        new MembershipEvent.Purchase("e", start, zone, "quarterly", "p")).state();
    long previous = 0;
    for (long t = start.toEpochMilli() - 3_600_000; t < POLICY.membershipEnd(state).toEpochMilli() + 86_400_000;
        t += 3_600_000L * (1 + random.nextInt(12))) {
      long used = POLICY.daysUsed(state, Instant.ofEpochMilli(t));
      // Apia skipped 2011-12-30: that date begins with the next, two days at once.
      assertThat(used).as("days used at %s in %s", Instant.ofEpochMilli(t), zone)
          .isBetween(previous, previous + (zone.getId().equals("Pacific/Apia") ? 2 : 1));
      previous = used;
    }
    Period period = state.periods().get(0);
    long days = LocalPeriods.days(dev.userops.core.CalendarIndex.of(zone), period.startMillis(), period.endMillis());
    assertThat(previous).isEqualTo(days).isBetween(89L, 92L);
    Instant at = Instant.ofEpochMilli(start.toEpochMilli() + 4 * 86_400_000L + random.nextLong(100L * 86_400_000));
    MembershipOutcome refund = POLICY.apply(state, new MembershipEvent.Refund("r", at, "p"));
    long due = refund.status() == OutcomeStatus.APPLIED ? refund.effects().get(0).amountMinor() : 0;
    long used = Math.min(days, POLICY.daysUsed(state, at));
    assertThat(due).isEqualTo(8400 * (days - used) / days).isBetween(0L, 8400L);
  }

  private static List<MembershipEvent> randomEvents(SplittableRandom random, int count) {
    List<MembershipEvent> events = new ArrayList<>();
    long t = Instant.parse("2026-01-30T16:00:00Z").toEpochMilli() + random.nextLong(86_400_000L * 400);
    int payments = 0;
    for (int i = 0; i < count; i++) {
      t += random.nextLong(40L * 86_400_000);
      Instant at = Instant.ofEpochMilli(t);
      String id = "e" + i;
      String payment = random.nextInt(10) == 0 && payments > 0 ? "p" + random.nextInt(payments) : "p" + payments++;
      String known = "p" + random.nextInt(Math.max(1, payments));
      String plan = PLANS.get(random.nextInt(PLANS.size()));
      events.add(switch (random.nextInt(8)) {
        case 0, 1 -> new MembershipEvent.Purchase(id, at, ZONES.get(random.nextInt(ZONES.size())), plan, payment);
        case 2 -> new MembershipEvent.Renewal(id, at, payment, random.nextBoolean());
        case 3 -> new MembershipEvent.PlanChange(id, at, plan, random.nextBoolean() ? payment : null);
        case 4 -> new MembershipEvent.CancelAutoRenew(id, at);
        case 5 -> new MembershipEvent.Refund(id, at, known);
        case 6 -> new MembershipEvent.Chargeback(id, at, known);
        default -> new MembershipEvent.RenewalFailed(id, at);
      });
    }
    return events;
  }
}
