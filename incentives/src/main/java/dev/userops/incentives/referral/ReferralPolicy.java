package dev.userops.incentives.referral;

import dev.userops.core.CalendarIndex;
import dev.userops.core.Granularity;
import dev.userops.core.WindowMode;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.Cap;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.referral.ReferralEffect.Action;
import dev.userops.incentives.referral.ReferralEffect.Role;
import dev.userops.incentives.referral.ReferralState.Member;
import dev.userops.incentives.referral.ReferralState.Referral;
import dev.userops.incentives.referral.ReferralState.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a {@link ReferralProgram}: {@code apply(state, event)} returns the new state and the
 * rewards to grant, withhold or claw back. Pure: reads no clock, does no I/O. Immutable and
 * thread-safe.
 *
 * <p><b>The referral's life.</b> An {@link ReferralEvent.Attribution} links an invitee to the owner
 * of a code; the first code wins for good. The invitee's first order (as the host flags it, paid
 * after the attribution) either qualifies (at least the minimum, with the required tag, no
 * fingerprint shared with the inviter) and enters review, or ends the referral with {@link
 * ReferralReason#NOT_FIRST_ORDER}, {@link ReferralReason#SELF_REFERRAL}, {@link
 * ReferralReason#BELOW_MINIMUM} or {@link ReferralReason#MISSING_TAG}: only the first order counts,
 * later ones are {@link ReferralReason#NOT_FIRST_ORDER}. Refunds that leave less than the minimum
 * (or nothing), and cancellations, end a referral in review with {@link
 * ReferralReason#REFUNDED_IN_REVIEW}; after the rewards they revoke it ({@link
 * ReferralReason#REVOKED}) with a claw-back of each part paid, if the program claws back.
 *
 * <p><b>Time.</b> The review ends at the first instant of local day {@code paidDay + reviewDays +
 * 1} in the program's zone: local days, so a review across a DST change is an hour shorter or
 * longer than {@code 24 × days} hours, and it always ends at local midnight (or the first instant
 * after, where a zone skips midnight). A refund at or after that instant comes after the review.
 * The state's "now" is the latest of the event's {@code occurredAt} and its members' {@link
 * Member#clockMillis clocks}. Every event first grants the rewards of the state's referrals due at
 * or before now, in order of due instant (ties: invitee id), and again after it applies (a first
 * order delivered late may be due already); an {@link Evaluation} does only that. So a
 * refund delivered late, after the due instant has passed for the state, revokes rather than voids.
 * A reward is granted at its due instant, or at the inviter's latest reward if that is later, so an
 * inviter's reward instants never go back in time and a cap counts each reward in the window of that
 * instant, in the program's zone. A withheld or clawed-back part is not paid; a
 * clawed-back inviter reward still counts towards the caps.
 *
 * <p><b>Replays.</b> A repeated event (same code for the same inviter, same invitee and code, same
 * order, same refund id, a refund or cancellation of an order already voided) is a {@link
 * OutcomeStatus#DUPLICATE}; a duplicate or a rejected event returns the input state and no effect,
 * not even the rewards due by its time. Effects carry keys unique per program, invitee, role and
 * action ({@link ReferralEffect}).
 *
 * <p>Cost ({@code ReferralBenchmark}, the benchmarks' 2-core machine), on a host's two rows: a first
 * order entering review about 0.15 µs and 455 bytes; a grant checking two caps over 20 recent
 * rewards about 1.3 µs and 2.4 KB.
 */
public final class ReferralPolicy {
  static final long MILLIS_PER_DAY = 86_400_000L;

  private final ReferralProgram program;
  private final CalendarIndex calendar;
  private final long horizonMillis;

  ReferralPolicy(ReferralProgram program) {
    this.program = Checks.requireNonNull(program, "program");
    this.calendar = CalendarIndex.of(program.zone());
    this.horizonMillis = program.capHorizonMillis();
  }

  /**
   * The program applied.
   *
   * @return the program this policy was made from
   */
  public ReferralProgram program() {
    return program;
  }

  /**
   * A state of no users.
   *
   * @return the shared empty state
   */
  public ReferralState newState() {
    return ReferralState.EMPTY;
  }

  /**
   * When a first order paid at {@code paidAt} leaves review: the first instant of local day {@code
   * paidDay + reviewDays + 1} in the program's zone.
   *
   * @param paidAt when the order was paid
   * @return the end of its review, exclusive of refunds: a refund at this instant is after it
   * @throws NullPointerException if {@code paidAt} is null
   */
  public Instant reviewEnd(Instant paidAt) {
    return Instant.ofEpochMilli(dueMillis(Checks.requireNonNull(paidAt, "paidAt").toEpochMilli()));
  }

  private long dueMillis(long paidAtMillis) {
    long day = calendar.dayIndex(paidAtMillis);
    return calendar.epochMillisOfLocal((day + program.reviewDays() + 1) * MILLIS_PER_DAY);
  }

  /**
   * Applies {@code event} to {@code state}.
   *
   * @param state the members of the users the event names, as the host persisted them (see {@link
   *     ReferralState}); a user it lacks counts as new
   * @param event the event
   * @return applied with the new state and effects; or a duplicate or rejection with the input
   *     state, a reason and no effect
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a referral of the state is due, or the event names a
   *     referred buyer, whose inviter the state lacks
   * @throws ArithmeticException if refunded amounts overflow a {@code long}
   */
  public ReferralOutcome apply(ReferralState state, ReferralEvent event) {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(event, "event");
    Work work = new Work(state);
    long at = event.occurredAt().toEpochMilli();
    long now = at;
    for (Member member : state.members()) {
      now = Math.max(now, member.clockMillis());
    }
    work.advance(now);
    if (event instanceof ReferralEvent.Invite invite) {
      work.invite(invite, at);
    } else if (event instanceof ReferralEvent.Attribution attribution) {
      work.attribute(attribution, at);
    } else if (event instanceof ReferralEvent.Payment payment) {
      work.pay(payment, at);
    } else if (event instanceof ReferralEvent.Refund refund) {
      work.refund(refund, at);
    } else if (event instanceof ReferralEvent.Cancellation cancellation) {
      work.cancel(cancellation, at);
    }
    if (work.status != OutcomeStatus.APPLIED) {
      return new ReferralOutcome(state, work.status, work.reason, work.detail, List.of());
    }
    // A late first order may be due already.
    work.advance(now);
    work.setClocks(now);
    return new ReferralOutcome(new ReferralState(ReferralState.FORMAT_VERSION, work.members), OutcomeStatus.APPLIED,
        work.reason, work.detail, work.effects);
  }

  /** One application: a working copy of the members, the effects and the verdict. */
  private final class Work {
    final List<Member> members;
    final List<ReferralEffect> effects = new ArrayList<>();
    OutcomeStatus status = OutcomeStatus.APPLIED;
    ReferralReason reason;
    String detail;

    Work(ReferralState state) {
      members = new ArrayList<>(state.members());
    }

    Member find(long userId) {
      int i = ReferralState.indexOf(members, userId);
      return i >= 0 ? members.get(i) : null;
    }

    Member findOrNew(long userId) {
      Member member = find(userId);
      return member != null ? member : Member.of(userId);
    }

    void put(Member member) {
      int i = ReferralState.indexOf(members, member.userId());
      if (i >= 0) {
        members.set(i, member);
      } else {
        members.add(-i - 1, member);
      }
    }

    void setClocks(long now) {
      for (int i = 0; i < members.size(); i++) {
        if (members.get(i).clockMillis() != now) {
          members.set(i, members.get(i).at(now));
        }
      }
    }

    Member inviterOf(Member invitee) {
      long inviterId = invitee.referral().inviterId();
      Member inviter = find(inviterId);
      Checks.checkArgument(inviter != null, "state: holds no member of inviter %s of invitee %s", inviterId,
          invitee.userId());
      return inviter;
    }

    void verdict(OutcomeStatus newStatus, ReferralReason newReason, String newDetail) {
      status = newStatus;
      reason = newReason;
      detail = newDetail;
    }

    /** Grants every referral due at or before {@code at}, by due instant then invitee id. */
    void advance(long at) {
      List<Member> due = null;
      for (Member member : members) {
        Referral referral = member.referral();
        if (referral != null && referral.status() == Status.IN_REVIEW && referral.dueAtMillis() <= at) {
          due = due == null ? new ArrayList<>() : due;
          due.add(member);
        }
      }
      if (due == null) {
        return;
      }
      due.sort(Comparator.comparingLong((Member m) -> m.referral().dueAtMillis()).thenComparingLong(Member::userId));
      for (Member invitee : due) {
        grant(invitee);
      }
    }

    private void grant(Member invitee) {
      Referral referral = invitee.referral();
      Member inviter = inviterOf(invitee);
      List<Long> recent = inviter.rewardMillis();
      long at = recent.isEmpty()
          ? referral.dueAtMillis()
          : Math.max(referral.dueAtMillis(), recent.get(recent.size() - 1));
      boolean inviterPaid = false;
      ReferralReason withheld = null;
      if (program.inviterReward() != null) {
        String capped = capReached(inviter, at);
        Action action = capped == null ? Action.GRANT : Action.WITHHOLD;
        withheld = capped == null ? null : ReferralReason.INVITER_CAP;
        effects.add(ReferralEffect.of(program.id(), action, Role.INVITER, inviter.userId(), invitee.userId(), at,
            program.inviterReward(), withheld));
        if (capped == null) {
          inviterPaid = true;
          inviter = new Member(inviter.userId(), inviter.clockMillis(), inviter.codes(), inviter.fingerprints(),
              withReward(recent, at), inviter.inviterRewards() + 1, inviter.referral());
          put(inviter);
        }
      }
      if (program.inviteeReward() != null) {
        effects.add(ReferralEffect.of(program.id(), Action.GRANT, Role.INVITEE, invitee.userId(), invitee.userId(), at,
            program.inviteeReward(), null));
      }
      // The inviter's member was replaced above; the invitee's is another user's.
      put(find(invitee.userId()).with(referral.rewarded(at, inviterPaid, program.inviteeReward() != null, withheld)));
    }

    /** The cap an inviter reward at {@code at} would exceed, for the detail, or {@code null}. */
    private String capReached(Member inviter, long at) {
      Long lifetime = program.inviterLifetimeMax();
      if (lifetime != null && inviter.inviterRewards() >= lifetime) {
        return "lifetime max " + lifetime;
      }
      List<Long> recent = inviter.rewardMillis();
      for (Cap cap : program.inviterCaps()) {
        boolean rolling = cap.mode() == WindowMode.ROLLING;
        long floor = rolling ? at - cap.windowMillis() : 0;
        Granularity per = rolling ? null : cap.granularity();
        long period = rolling ? 0 : calendar.index(per, at);
        long count = 0;
        for (int i = 0; i < recent.size(); i++) {
          long t = recent.get(i);
          count += (rolling ? t > floor : calendar.index(per, t) == period) ? 1 : 0;
        }
        if (count >= cap.max()) {
          return cap.max() + " per " + cap.window() + " " + cap.mode();
        }
      }
      return null;
    }

    /** {@code recent} and {@code at}, without instants no cap window ending at or after it can hold. */
    private List<Long> withReward(List<Long> recent, long at) {
      List<Long> kept = new ArrayList<>(recent.size() + 1);
      for (long t : recent) {
        if (t >= at - horizonMillis) {
          kept.add(t);
        }
      }
      kept.add(at);
      return kept;
    }

    void invite(ReferralEvent.Invite invite, long at) {
      Member inviter = findOrNew(invite.inviterId());
      if (inviter.codes().contains(invite.code())) {
        verdict(OutcomeStatus.DUPLICATE, null, "code " + invite.code() + " already issued to " + inviter.userId());
        return;
      }
      Member owner = owner(invite.code());
      if (owner != null) {
        verdict(OutcomeStatus.REJECTED, ReferralReason.CODE_TAKEN,
            "code " + invite.code() + " belongs to user " + owner.userId());
        return;
      }
      if (inviter.codes().size() >= ReferralState.MAX_CODES) {
        verdict(OutcomeStatus.REJECTED, ReferralReason.CODE_LIMIT,
            "user " + inviter.userId() + " holds " + ReferralState.MAX_CODES + " codes");
        return;
      }
      List<String> codes = new ArrayList<>(inviter.codes());
      codes.add(invite.code());
      List<String> fingerprints = new ArrayList<>(inviter.fingerprints());
      fingerprints.removeAll(invite.fingerprints());
      fingerprints.addAll(invite.fingerprints());
      List<String> kept = fingerprints.subList(Math.max(0, fingerprints.size() - ReferralState.MAX_FINGERPRINTS),
          fingerprints.size());
      put(new Member(inviter.userId(), inviter.clockMillis(), codes, kept, inviter.rewardMillis(),
          inviter.inviterRewards(), inviter.referral()));
    }

    private Member owner(String code) {
      for (Member member : members) {
        if (member.codes().contains(code)) {
          return member;
        }
      }
      return null;
    }

    void attribute(ReferralEvent.Attribution attribution, long at) {
      Member invitee = findOrNew(attribution.inviteeId());
      Referral existing = invitee.referral();
      if (existing != null) {
        if (existing.code().equals(attribution.code())) {
          verdict(OutcomeStatus.DUPLICATE, null, "user " + invitee.userId() + " already used code " + existing.code());
        } else {
          verdict(OutcomeStatus.REJECTED, ReferralReason.ALREADY_REFERRED,
              "user " + invitee.userId() + " was referred with code " + existing.code() + " first");
        }
        return;
      }
      Member owner = owner(attribution.code());
      if (owner == null) {
        verdict(OutcomeStatus.REJECTED, ReferralReason.UNKNOWN_CODE, "no user in the state issued code "
            + attribution.code());
        return;
      }
      String self = selfReferral(owner, invitee.userId(), attribution.fingerprints());
      if (self != null) {
        verdict(OutcomeStatus.REJECTED, ReferralReason.SELF_REFERRAL, self);
        return;
      }
      put(invitee.with(Referral.attributed(owner.userId(), attribution.code(), at)));
    }

    /** Why {@code inviteeId} is the inviter, or {@code null}. */
    private String selfReferral(Member inviter, long inviteeId, List<String> fingerprints) {
      if (inviter.userId() == inviteeId) {
        return "user " + inviteeId + " used their own code";
      }
      if (inviter.referral() != null && inviter.referral().inviterId() == inviteeId) {
        return "users " + inviteeId + " and " + inviter.userId() + " would refer each other";
      }
      for (String fingerprint : fingerprints) {
        if (inviter.fingerprints().contains(fingerprint)) {
          return "user " + inviteeId + " shares fingerprint " + fingerprint + " with inviter " + inviter.userId();
        }
      }
      return null;
    }

    void pay(ReferralEvent.Payment payment, long at) {
      Member invitee = find(payment.userId());
      Referral referral = invitee == null ? null : invitee.referral();
      if (referral == null) {
        verdict(OutcomeStatus.REJECTED, ReferralReason.NOT_REFERRED, "user " + payment.userId() + " was not referred");
        return;
      }
      if (payment.orderId().equals(referral.orderId())) {
        verdict(OutcomeStatus.DUPLICATE, null, "order " + payment.orderId() + " already applied");
        return;
      }
      if (referral.status() != Status.AWAITING_ORDER) {
        verdict(OutcomeStatus.REJECTED, ReferralReason.NOT_FIRST_ORDER,
            "user " + payment.userId() + "'s first order was " + referral.orderId());
        return;
      }
      String self = selfReferral(inviterOf(invitee), invitee.userId(), payment.fingerprints());
      if (!payment.firstOrder() || at < referral.attributedAtMillis()) {
        verdict(OutcomeStatus.APPLIED, ReferralReason.NOT_FIRST_ORDER, "order " + payment.orderId()
            + (payment.firstOrder() ? " was paid before the attribution" : " is not the user's first"));
      } else if (self != null) {
        verdict(OutcomeStatus.APPLIED, ReferralReason.SELF_REFERRAL, self);
      } else if (payment.amountMinor() < program.minimumAmountMinor()) {
        verdict(OutcomeStatus.APPLIED, ReferralReason.BELOW_MINIMUM, "order " + payment.orderId() + " totals "
            + payment.amountMinor() + " < minimum " + program.minimumAmountMinor());
      } else if (program.requiredTag() != null && !payment.tags().contains(program.requiredTag())) {
        verdict(OutcomeStatus.APPLIED, ReferralReason.MISSING_TAG, "order " + payment.orderId() + " lacks tag "
            + program.requiredTag());
      }
      Referral next = reason != null
          ? referral.withOrder(payment.orderId(), payment.amountMinor(), at, 0, Status.ENDED, reason)
          : referral.withOrder(payment.orderId(), payment.amountMinor(), at, dueMillis(at), Status.IN_REVIEW, null);
      put(invitee.with(next));
    }

    void refund(ReferralEvent.Refund refund, long at) {
      Member invitee = tracked(refund.userId(), refund.orderId());
      if (invitee == null) {
        return;
      }
      Referral referral = invitee.referral();
      if (referral.refundIds().contains(refund.refundId())) {
        verdict(OutcomeStatus.DUPLICATE, null, "refund " + refund.refundId() + " already applied");
        return;
      }
      if (referral.refundIds().size() >= ReferralState.MAX_REFUNDS) {
        verdict(OutcomeStatus.REJECTED, ReferralReason.REFUND_LIMIT, "order " + refund.orderId() + " already has "
            + ReferralState.MAX_REFUNDS + " refunds");
        return;
      }
      long refunded = Math.addExact(referral.refundedMinor(), refund.amountMinor());
      List<String> refundIds = new ArrayList<>(referral.refundIds());
      refundIds.add(refund.refundId());
      long left = referral.amountMinor() - refunded;
      if (left > 0 && left >= program.minimumAmountMinor()) {
        put(invitee.with(referral.with(referral.status(), refunded, refundIds, referral.reason())));
      } else {
        voidOrder(invitee, refunded, refundIds, at);
      }
    }

    void cancel(ReferralEvent.Cancellation cancellation, long at) {
      Member invitee = tracked(cancellation.userId(), cancellation.orderId());
      if (invitee != null) {
        voidOrder(invitee, invitee.referral().refundedMinor(), invitee.referral().refundIds(), at);
      }
    }

    /**
     * The invitee whose referral's first order is {@code orderId} and still counts; else {@code
     * null}, with the verdict set.
     */
    private Member tracked(long userId, String orderId) {
      Member invitee = find(userId);
      Referral referral = invitee == null ? null : invitee.referral();
      if (referral == null || !orderId.equals(referral.orderId())) {
        verdict(OutcomeStatus.REJECTED, ReferralReason.UNKNOWN_ORDER,
            "order " + orderId + " is no referral's first order of user " + userId);
        return null;
      }
      if (referral.status() == Status.ENDED) {
        boolean voided = referral.reason() == ReferralReason.REFUNDED_IN_REVIEW
            || referral.reason() == ReferralReason.REVOKED;
        verdict(voided ? OutcomeStatus.DUPLICATE : OutcomeStatus.REJECTED, voided ? null : referral.reason(),
            "the referral of order " + orderId + " already ended: " + referral.reason());
        return null;
      }
      return invitee;
    }

    /** Ends the referral of an order that no longer qualifies, clawing back what was paid. */
    private void voidOrder(Member invitee, long refunded, List<String> refundIds, long at) {
      Referral referral = invitee.referral();
      if (referral.status() == Status.IN_REVIEW) {
        verdict(OutcomeStatus.APPLIED, ReferralReason.REFUNDED_IN_REVIEW, "order " + referral.orderId()
            + " no longer qualifies before its review ended at " + Instant.ofEpochMilli(referral.dueAtMillis()));
        put(invitee.with(referral.with(Status.ENDED, refunded, refundIds, ReferralReason.REFUNDED_IN_REVIEW)));
        return;
      }
      if (!program.clawback()) {
        detail = "order " + referral.orderId() + " no longer qualifies; the program does not claw back";
        put(invitee.with(referral.with(Status.REWARDED, refunded, refundIds, referral.reason())));
        return;
      }
      long when = Math.max(at, referral.rewardedAtMillis());
      if (referral.inviterRewarded()) {
        effects.add(ReferralEffect.of(program.id(), Action.CLAWBACK, Role.INVITER, referral.inviterId(),
            invitee.userId(), when, program.inviterReward(), ReferralReason.REVOKED));
      }
      if (referral.inviteeRewarded()) {
        effects.add(ReferralEffect.of(program.id(), Action.CLAWBACK, Role.INVITEE, invitee.userId(), invitee.userId(),
            when, program.inviteeReward(), ReferralReason.REVOKED));
      }
      verdict(OutcomeStatus.APPLIED, ReferralReason.REVOKED, "order " + referral.orderId()
          + " no longer qualifies after its rewards");
      put(invitee.with(referral.revoked(refunded, refundIds)));
    }
  }
}
