package dev.userops.incentives.membership;

import dev.userops.core.CalendarIndex;
import dev.userops.core.internal.Checks;
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
import dev.userops.incentives.membership.MembershipProgram.Plan;
import dev.userops.incentives.membership.MembershipState.Period;
import dev.userops.incentives.membership.MembershipState.Seen;
import dev.userops.incentives.membership.MembershipState.Settlement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link MembershipProgram}: {@code apply(state, event)} gives the new state and what the
 * host should do (grant a period, pay a refund, turn benefits on or off), each under an idempotency
 * key. Pure; reads no clock; thread-safe. Events must come in time order: one before the latest
 * applied is rejected.
 *
 * <p><b>Periods.</b> Periods are laid out in the zone of the purchase that started the membership.
 * A period of n months ends at the same local time on the same day of the month n months later,
 * clamped at month ends: bought 31 January 10:00, a P1M period ends 28 February 10:00 (29 in a leap
 * year). Stacked periods (a purchase or renewal while a member, or in grace) continue the chain from
 * its anchor, the start of the first: the k-th month ends at anchor + k months, so after 31 January
 * the ends are 28/29 February, 31 March, 30 April — never drifting to the 28th — and a stack of
 * P1M + P3M ends where one P4M would. Across a DST change a period keeps its local time (so it is an
 * hour shorter or longer than the same local days elsewhere). An end whose local time falls in a
 * DST gap moves to the gap's end (02:30 on a day that jumps from 02:00 to 03:00 becomes 03:00); one
 * in an overlap takes its first occurrence; both as {@link CalendarIndex#epochMillisOfLocal} says.
 *
 * <p><b>Days.</b> Day k of a period (k = 0, 1, …) begins at the period's local start time k local
 * days after its start; a period has as many days as begin before its end (a January P1M period 31
 * days). A day that has begun counts as used: the member could use the benefits that day.
 *
 * <p><b>Upgrades and downgrades.</b> A change to a plan of a higher {@link Plan#tier()} takes effect
 * at once: every standing period still running or yet to come is credited with its unused part
 * (a running one {@code floor(charged × unusedDays / days)}, a future one in full), ends at the
 * change, and a new chain of the new plan starts then, charged its price less the credit; a credit
 * above the price is paid back ({@code credit-refund}). A change to an equal or lower tier takes
 * effect at the next renewal (as app stores do), with nothing paid or credited now.
 *
 * <p><b>Refunds and chargebacks.</b> A refund gives back, within {@link
 * MembershipProgram.Refunds#fullWithinDays()} local days of the payment, all of it; later, nothing
 * or the unused part as above, exact in minor units, in [0, charged]. A refund of 0 is rejected
 * with the reason, as is a second refund of a payment. A chargeback loses what was not already
 * given back. Either ends the time the payment bought: a period not yet begun is removed (it
 * starts and ends at the event) and the later ones move forward by its months; a running one ends at the event and the later ones
 * follow from there; a past one keeps its time.
 *
 * <p><b>Grace.</b> A failed automatic renewal starts {@code graceDays} local days of grace after
 * the paid end: the member stays active with the last plan's benefits, and a renewal in grace
 * continues the chain from the paid end with no gap. After grace, only a purchase starts a new
 * membership. The natural end of a membership (no renewal) is not an event and has no effect: the
 * host schedules benefits off at {@link #membershipEnd} or asks {@link #isActive}.
 */
public final class MembershipPolicy {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final String KEY = "membership:";

  private final MembershipProgram program;
  private final long memoryMillis;
  /** {@link Plan#months()} of each plan of the program, in its order: parsed once, not per event. */
  private final int[] months;

  MembershipPolicy(MembershipProgram program) {
    this.program = Checks.requireNonNull(program, "program");
    this.memoryMillis = program.memoryDays() * MILLIS_PER_DAY;
    this.months = program.plans().stream().mapToInt(Plan::months).toArray();
  }

  private int months(Plan plan) {
    int i = 0;
    while (program.plans().get(i) != plan) {
      i++;
    }
    return months[i];
  }

  /**
   * The program applied.
   *
   * @return the program this policy was made from
   */
  public MembershipProgram program() {
    return program;
  }

  /**
   * The state of a user who never bought a membership.
   *
   * @return the shared empty state
   */
  public MembershipState newState() {
    return MembershipState.EMPTY;
  }

  /**
   * Applies {@code event} to {@code state}.
   *
   * @param state the user's state as last persisted; {@link #newState()} for a new user
   * @param event the event
   * @return applied with the new state and effects, or a duplicate or rejection with the input state,
   *     a reason and no effect
   * @throws NullPointerException if an argument is null
   * @throws ArithmeticException if an amount times a period's days overflows a {@code long}
   */
  public MembershipOutcome apply(MembershipState state, MembershipEvent event) {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(event, "event");
    long at = event.occurredAt().toEpochMilli();
    // Indexed loops throughout: an iterator per loop per event showed in the allocation profile.
    for (int i = 0; i < state.seen().size(); i++) {
      Seen seen = state.seen().get(i);
      if (seen.eventId().equals(event.eventId())) {
        return unchanged(state, OutcomeStatus.DUPLICATE, "event " + event.eventId() + " was already applied");
      }
    }
    if (at < state.clockMillis()) {
      return unchanged(state, OutcomeStatus.REJECTED, "occurredAt " + event.occurredAt()
          + " is before the latest event applied, at " + Instant.ofEpochMilli(state.clockMillis()));
    }
    Work work = new Work(state, event.eventId(), at);
    String problem;
    if (event instanceof Purchase purchase) {
      problem = work.purchase(purchase);
    } else if (event instanceof Renewal renewal) {
      problem = work.renewal(renewal);
    } else if (event instanceof PlanChange change) {
      problem = work.planChange(change);
    } else if (event instanceof CancelAutoRenew) {
      problem = work.cancelAutoRenew();
    } else if (event instanceof Refund refund) {
      problem = work.refund(refund);
    } else if (event instanceof Chargeback chargeback) {
      problem = work.chargeback(chargeback);
    } else {
      problem = work.renewalFailed();
    }
    if (problem != null) {
      return unchanged(state, work.duplicate ? OutcomeStatus.DUPLICATE : OutcomeStatus.REJECTED, problem);
    }
    return new MembershipOutcome(work.state(), OutcomeStatus.APPLIED, null, work.effects);
  }

  /**
   * Whether the user is a member at {@code at}: a period covers it, or it falls in a grace period.
   *
   * @param state the user's state
   * @param at the instant
   * @return whether the benefits apply at {@code at}
   * @throws NullPointerException if an argument is null
   */
  public boolean isActive(MembershipState state, Instant at) {
    return isActive(state, at.toEpochMilli());
  }

  /**
   * The benefits that apply at {@code at}: those of the plan of the period covering it, or in grace
   * those of the last period's plan.
   *
   * @param state the user's state
   * @param at the instant
   * @return benefit ids; empty when not active or the plan is no longer in the catalog
   * @throws NullPointerException if an argument is null
   */
  public List<String> benefitsAt(MembershipState state, Instant at) {
    long t = at.toEpochMilli();
    Period period = covering(state.periods(), t);
    if (period == null && isActive(state, t)) {
      period = last(state.periods());
    }
    Plan plan = period == null ? null : program.plan(period.plan());
    return plan == null ? List.of() : plan.benefits();
  }

  /**
   * The end of the paid time, grace excluded.
   *
   * @param state the user's state
   * @return the latest end of any period, exclusive, or {@code null} if nothing was ever bought
   * @throws NullPointerException if {@code state} is null
   */
  public Instant membershipEnd(MembershipState state) {
    long end = state.endMillis();
    return end == Long.MIN_VALUE ? null : Instant.ofEpochMilli(end);
  }

  /**
   * The days of membership used by {@code at}: over the periods the state holds, the days (as the
   * type comment defines them) that began by {@code at} and before the period's (possibly cut)
   * end.
   *
   * @param state the user's state
   * @param at the instant
   * @return days, {@code >= 0}
   * @throws NullPointerException if an argument is null
   */
  public long daysUsed(MembershipState state, Instant at) {
    if (state.zone() == null) {
      return 0;
    }
    CalendarIndex calendar = CalendarIndex.of(state.zone());
    long t = at.toEpochMilli();
    long days = 0;
    for (Period period : state.periods()) {
      if (period.endMillis() > period.startMillis()) {
        days += LocalPeriods.daysBegun(calendar, period.startMillis(), Math.min(t, period.endMillis() - 1));
      }
    }
    return days;
  }

  private static boolean isActive(MembershipState state, long at) {
    return isActive(state.periods(), state.graceUntilMillis(), at);
  }

  /** Whether {@code at} is in a period, or after the last one's end and before {@code graceUntil}. */
  private static boolean isActive(List<Period> periods, long graceUntil, long at) {
    return covering(periods, at) != null || (at >= MembershipState.end(periods) && at < graceUntil);
  }

  private static Period covering(List<Period> periods, long at) {
    for (int i = 0; i < periods.size(); i++) {
      Period period = periods.get(i);
      if (period.startMillis() <= at && at < period.endMillis()) {
        return period;
      }
    }
    return null;
  }

  /** The period that ends last (of equal ends, the later in the list), or {@code null}. */
  private static Period last(List<Period> periods) {
    Period last = null;
    for (int i = 0; i < periods.size(); i++) {
      Period period = periods.get(i);
      if (last == null || period.endMillis() >= last.endMillis()) {
        last = period;
      }
    }
    return last;
  }

  private static MembershipOutcome unchanged(MembershipState state, OutcomeStatus status, String reason) {
    return new MembershipOutcome(state, status, reason, List.of());
  }

  private static String settledAs(Settlement settlement) {
    return switch (settlement) {
      case PAID -> "free";
      case REFUNDED -> "already refunded";
      case CHARGED_BACK -> "already charged back";
      case CREDITED -> "credited to an upgrade";
    };
  }
  /** One application: a mutable copy of the state, the effects, and each event's rule. */
  private final class Work {
    final MembershipState before;
    final String eventId;
    final long at;
    ZoneId zone;
    long anchor;
    int chainMonths;
    boolean autoRenew;
    String pendingPlan;
    long graceUntil;
    boolean trialUsed;
    final List<Period> periods;
    final List<Effect> effects = new ArrayList<>(2);
    /** Whether the problem returned is a payment applied before. */
    boolean duplicate;

    Work(MembershipState state, String eventId, long at) {
      this.before = state;
      this.eventId = eventId;
      this.at = at;
      this.zone = state.zone();
      this.anchor = state.anchorMillis();
      this.chainMonths = state.chainMonths();
      this.autoRenew = state.autoRenew();
      this.pendingPlan = state.pendingPlan();
      this.graceUntil = state.graceUntilMillis();
      this.trialUsed = state.trialUsed();
      this.periods = new ArrayList<>(state.periods().size() + 1);
      long horizon = at - memoryMillis;
      for (int i = 0; i < state.periods().size(); i++) {
        Period period = state.periods().get(i);
        // Periods of the current chain keep their own offsets, so old ones can go.
        if (period.endMillis() >= horizon) {
          periods.add(period);
        }
      }
    }

    MembershipState state() {
      long horizon = at - memoryMillis;
      List<Seen> seen = new ArrayList<>(before.seen().size() + 1);
      for (int i = 0; i < before.seen().size(); i++) {
        Seen s = before.seen().get(i);
        if (s.atMillis() >= horizon) {
          seen.add(s);
        }
      }
      seen.add(new Seen(eventId, at));
      return new MembershipState(MembershipState.FORMAT_VERSION, zone, at, anchor, chainMonths, autoRenew, pendingPlan,
          graceUntil, trialUsed, periods, seen);
    }

    private CalendarIndex calendar() {
      return CalendarIndex.of(zone);
    }

    private boolean member() {
      return zone != null && !periods.isEmpty();
    }

    private long end() {
      return MembershipState.end(periods);
    }

    private boolean active() {
      return isActive(periods, graceUntil, at);
    }

    private String duplicatePayment(String paymentId) {
      duplicate = before.indexOfPayment(paymentId) >= 0;
      return duplicate ? "payment " + paymentId + " was already applied" : null;
    }

    String purchase(Purchase purchase) {
      Plan plan = program.plan(purchase.plan());
      if (plan == null) {
        return "unknown plan \"" + purchase.plan() + "\"";
      }
      String duplicate = duplicatePayment(purchase.paymentId());
      if (duplicate != null) {
        return duplicate;
      }
      boolean wasActive = member() && active();
      long price = !trialUsed && plan.trialPriceMinor() != null ? plan.trialPriceMinor() : plan.priceMinor();
      if (!wasActive) {
        zone = purchase.zone();
        anchor = at;
        chainMonths = 0;
      }
      Period period = stack(plan, price, purchase.paymentId());
      trialUsed = true;
      autoRenew = plan.autoRenew();
      pendingPlan = null;
      graceUntil = Long.MIN_VALUE;
      if (!wasActive) {
        effects.add(new Effect(KEY + "benefits-on:" + eventId, Kind.BENEFITS_ON, plan.id(), period.startMillis(),
            period.endMillis(), 0, plan.benefits()));
      }
      return null;
    }

    String renewal(Renewal renewal) {
      if (!member()) {
        return "no membership to renew";
      }
      String duplicate = duplicatePayment(renewal.paymentId());
      if (duplicate != null) {
        return duplicate;
      }
      if (renewal.auto() && !autoRenew) {
        return "auto-renew is off";
      }
      if (!active()) {
        return "the membership lapsed at " + Instant.ofEpochMilli(Math.max(end(), graceUntil))
            + "; a purchase starts a new one";
      }
      String planId = pendingPlan != null ? pendingPlan : last(periods).plan();
      Plan plan = program.plan(planId);
      if (plan == null) {
        return "plan \"" + planId + "\" is no longer offered";
      }
      stack(plan, plan.priceMinor(), renewal.paymentId());
      pendingPlan = null;
      graceUntil = Long.MIN_VALUE;
      return null;
    }

    String renewalFailed() {
      if (!member()) {
        return "no membership to renew";
      }
      if (!autoRenew) {
        return "auto-renew is off";
      }
      long end = end();
      long graceEnd = LocalPeriods.plusDays(calendar(), end, program.graceDays());
      if (at >= graceEnd) {
        return "the membership lapsed at " + Instant.ofEpochMilli(graceEnd);
      }
      if (graceEnd > end && graceUntil != graceEnd) {
        graceUntil = graceEnd;
        effects.add(new Effect(KEY + "grace:" + eventId, Kind.GRACE_STARTED, last(periods).plan(), end, graceEnd, 0,
            List.of()));
      }
      return null;
    }

    String planChange(PlanChange change) {
      Plan target = program.plan(change.plan());
      if (target == null) {
        return "unknown plan \"" + change.plan() + "\"";
      }
      Period current = member() ? covering(periods, at) : null;
      if (current == null) {
        return "no paid period covers " + Instant.ofEpochMilli(at);
      }
      if (current.plan().equals(target.id())) {
        return "already on plan \"" + target.id() + "\"";
      }
      Plan currentPlan = program.plan(current.plan());
      if (currentPlan != null && target.tier() <= currentPlan.tier()) {
        pendingPlan = target.id();
        effects.add(new Effect(KEY + "plan-change:" + eventId, Kind.PLAN_CHANGE_SCHEDULED, target.id(), end(), end(), 0,
            List.of()));
        return null;
      }
      if (change.paymentId() == null) {
        return "an upgrade to \"" + target.id() + "\" needs a paymentId";
      }
      String duplicate = duplicatePayment(change.paymentId());
      if (duplicate != null) {
        return duplicate;
      }
      long credit = 0;
      for (int i = 0; i < periods.size(); i++) {
        Period p = periods.get(i);
        if (p.settlement() == Settlement.PAID && p.endMillis() > at) {
          long unused = LocalPeriods.unused(calendar(), p.chargedMinor(), p.startMillis(), p.endMillis(), at);
          periods.set(i, p.settled(Settlement.CREDITED, unused, at));
          credit = Math.addExact(credit, unused);
        }
      }
      anchor = at;
      chainMonths = 0;
      Period period = stack(target, Math.max(0, target.priceMinor() - credit), change.paymentId());
      pendingPlan = null;
      graceUntil = Long.MIN_VALUE;
      effects.add(new Effect(KEY + "benefits-on:" + eventId, Kind.BENEFITS_ON, target.id(), at, period.endMillis(), 0,
          target.benefits()));
      if (credit > target.priceMinor()) {
        effects.add(new Effect(KEY + "credit-refund:" + eventId, Kind.REFUND_DUE, current.plan(), at, at,
            credit - target.priceMinor(), List.of()));
      }
      return null;
    }

    String cancelAutoRenew() {
      if (!member()) {
        return "no membership";
      }
      if (autoRenew) {
        autoRenew = false;
        effects.add(new Effect(KEY + "auto-renew-off:" + eventId, Kind.AUTO_RENEW_OFF, last(periods).plan(), at, at, 0,
            List.of()));
      }
      return null;
    }

    String refund(Refund refund) {
      int i = indexIn(refund.paymentId());
      if (i < 0) {
        return "unknown payment " + refund.paymentId();
      }
      Period p = periods.get(i);
      if (p.settlement() != Settlement.PAID) {
        return "payment " + p.paymentId() + " was " + settledAs(p.settlement());
      }
      MembershipProgram.Refunds rule = program.refunds();
      long amount;
      String nothing;
      if (at < LocalPeriods.plusDays(calendar(), p.paidAtMillis(), rule.fullWithinDays())) {
        amount = p.chargedMinor();
        nothing = "nothing was charged";
      } else if (rule.thereafter() == MembershipProgram.Refunds.Thereafter.NONE) {
        amount = 0;
        nothing = "refunds end " + rule.fullWithinDays() + " days after the payment";
      } else {
        amount = LocalPeriods.unused(calendar(), p.chargedMinor(), p.startMillis(), p.endMillis(), at);
        nothing = "its period is used up";
      }
      if (amount == 0) {
        return "no refund due for payment " + p.paymentId() + ": " + nothing;
      }
      effects.add(new Effect(KEY + "refund:" + p.paymentId(), Kind.REFUND_DUE, p.plan(), at, at, amount, List.of()));
      revoke(i, Settlement.REFUNDED, amount);
      return null;
    }

    String chargeback(Chargeback chargeback) {
      int i = indexIn(chargeback.paymentId());
      if (i < 0) {
        return "unknown payment " + chargeback.paymentId();
      }
      Period p = periods.get(i);
      long amount = p.chargedMinor() - p.returnedMinor();
      if (p.settlement() == Settlement.CHARGED_BACK || amount == 0) {
        return "nothing to charge back: payment " + p.paymentId() + " was " + settledAs(p.settlement());
      }
      effects.add(new Effect(KEY + "chargeback:" + p.paymentId(), Kind.CHARGED_BACK, p.plan(), at, at, amount,
          List.of()));
      if (p.settlement() == Settlement.PAID) {
        revoke(i, Settlement.CHARGED_BACK, amount);
      } else {
        periods.set(i, p.settled(Settlement.CHARGED_BACK, amount, p.endMillis()));
      }
      autoRenew = false;
      return null;
    }


    private int indexIn(String paymentId) {
      for (int i = 0; i < periods.size(); i++) {
        if (periods.get(i).paymentId().equals(paymentId)) {
          return i;
        }
      }
      return -1;
    }

    /** A period of {@code plan} after the chain's end, charged {@code chargedMinor}. */
    private Period stack(Plan plan, long chargedMinor, String paymentId) {
      CalendarIndex calendar = calendar();
      int length = months(plan);
      Period period = new Period(paymentId, plan.id(), at, chargedMinor,
          LocalPeriods.plusMonths(calendar, anchor, chainMonths), LocalPeriods.plusMonths(calendar, anchor,
              (long) chainMonths + length), chainMonths, length, 0, Settlement.PAID);
      chainMonths += length;
      periods.add(period);
      effects.add(new Effect(KEY + "period:" + paymentId, Kind.PERIOD_GRANTED, plan.id(), period.startMillis(),
          period.endMillis(), chargedMinor, plan.benefits()));
      return period;
    }

    /** Ends the time of the standing period at {@code index}, which gives back {@code amount}. */
    private void revoke(int index, Settlement how, long amount) {
      boolean wasActive = active();
      Period p = periods.get(index);
      if (at >= p.endMillis()) {
        periods.set(index, p.settled(how, amount, p.endMillis()));
      } else if (at <= p.startMillis()) {
        periods.set(index, p.settled(how, amount, at));
        relay(p.fromMonth() + p.months(), p.months(), anchor);
      } else {
        periods.set(index, p.settled(how, amount, at));
        relay(p.fromMonth() + p.months(), p.fromMonth() + p.months(), at);
      }
      if (end() <= at) {
        autoRenew = false;
        pendingPlan = null;
        graceUntil = Long.MIN_VALUE;
      }
      if (wasActive && !active()) {
        Period last = last(periods);
        effects.add(new Effect(KEY + "benefits-off:" + eventId, Kind.BENEFITS_OFF, last.plan(), at, at, 0, List.of()));
      }
    }

    /**
     * Moves the standing periods of the chain from month {@code fromMonth} on back by {@code
     * shift} months, now counted from {@code newAnchor}, and lays them out again.
     */
    private void relay(int fromMonth, int shift, long newAnchor) {
      CalendarIndex calendar = calendar();
      long oldAnchor = anchor;
      anchor = newAnchor;
      chainMonths -= shift;
      for (int i = 0; i < periods.size(); i++) {
        Period q = periods.get(i);
        if (q.settlement() == Settlement.PAID && q.startMillis() >= oldAnchor && q.fromMonth() >= fromMonth) {
          int from = q.fromMonth() - shift;
          periods.set(i, q.withTime(LocalPeriods.plusMonths(calendar, anchor, from),
              LocalPeriods.plusMonths(calendar, anchor, (long) from + q.months()), from));
        }
      }
    }
  }
}
