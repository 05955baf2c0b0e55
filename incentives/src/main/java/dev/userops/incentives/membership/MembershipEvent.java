package dev.userops.incentives.membership;

import dev.userops.core.internal.Checks;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What the membership policy reacts to. Every event carries the host's id, the idempotency source:
 * an event whose id the state has seen is a {@link dev.userops.incentives.OutcomeStatus#DUPLICATE}.
 * A paying event (purchase, renewal, upgrade) also carries the payment's id, which refunds and
 * chargebacks name; a second paying event with a known payment id is a duplicate too.
 */
public sealed interface MembershipEvent permits MembershipEvent.Purchase, MembershipEvent.Renewal,
    MembershipEvent.PlanChange, MembershipEvent.CancelAutoRenew, MembershipEvent.Refund, MembershipEvent.Chargeback,
    MembershipEvent.RenewalFailed {

  /**
   * The host's id of the event.
   *
   * @return not blank
   */
  String eventId();

  /**
   * When it happened.
   *
   * @return the event time
   */
  Instant occurredAt();

  private static void check(String eventId, Instant occurredAt) {
    Checks.requireNonBlank(eventId, "eventId");
    Checks.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * A purchase of one period of a plan. If the user is a member then (or in grace), the period is
   * stacked after the current end; otherwise a membership starts now in {@code zone}.
   *
   * @param eventId the host's id
   * @param occurredAt when it was paid
   * @param zone the user's zone, in which periods of a new membership are laid out; a stacked
   *     period keeps the membership's zone
   * @param plan the plan id
   * @param paymentId the payment's id, for refunds
   */
  record Purchase(String eventId, Instant occurredAt, ZoneId zone, String plan, String paymentId)
      implements MembershipEvent {
    /**
     * Checks that every field is present.
     *
     * @param eventId not blank
     * @param occurredAt when it was paid
     * @param zone the user's zone
     * @param plan the plan id, not blank
     * @param paymentId not blank
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if an id is blank
     */
    public Purchase {
      check(eventId, occurredAt);
      Checks.requireNonNull(zone, "zone");
      Checks.requireNonBlank(plan, "plan");
      Checks.requireNonBlank(paymentId, "paymentId");
    }
  }

  /**
   * A renewal: one more period of the current plan (or of the plan a downgrade scheduled), at its
   * full price, stacked after the current end. Allowed while a member or in grace.
   *
   * @param eventId the host's id
   * @param occurredAt when it was paid
   * @param paymentId the payment's id, for refunds
   * @param auto whether the host charged it automatically (rejected when auto-renew is off) rather
   *     than the user renewing by hand
   */
  record Renewal(String eventId, Instant occurredAt, String paymentId, boolean auto) implements MembershipEvent {
    /**
     * Checks that every field is present.
     *
     * @param eventId not blank
     * @param occurredAt when it was paid
     * @param paymentId not blank
     * @param auto whether it was charged automatically
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if an id is blank
     */
    public Renewal {
      check(eventId, occurredAt);
      Checks.requireNonBlank(paymentId, "paymentId");
    }
  }

  /**
   * A switch to another plan while a member. To a higher tier it is an upgrade, now, paid with a
   * credit for the unused part of the current periods; to an equal or lower tier a downgrade, taking
   * effect at the next renewal, with nothing paid now.
   *
   * @param eventId the host's id
   * @param occurredAt when the user switched
   * @param plan the new plan id
   * @param paymentId the payment's id of an upgrade; may be {@code null} for a downgrade
   */
  record PlanChange(String eventId, Instant occurredAt, String plan, String paymentId) implements MembershipEvent {
    /**
     * Checks the fields.
     *
     * @param eventId not blank
     * @param occurredAt when the user switched
     * @param plan the new plan id, not blank
     * @param paymentId the upgrade's payment id, or {@code null} (an upgrade without one is rejected)
     * @throws NullPointerException if a required field is null
     * @throws IllegalArgumentException if an id is blank
     */
    public PlanChange {
      check(eventId, occurredAt);
      Checks.requireNonBlank(plan, "plan");
      Checks.checkArgument(paymentId == null || !paymentId.isBlank(), "paymentId must not be blank");
    }
  }

  /**
   * The user turns auto-renew off; the paid periods run to their end.
   *
   * @param eventId the host's id
   * @param occurredAt when
   */
  record CancelAutoRenew(String eventId, Instant occurredAt) implements MembershipEvent {
    /**
     * Checks that every field is present.
     *
     * @param eventId not blank
     * @param occurredAt when
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code eventId} is blank
     */
    public CancelAutoRenew {
      check(eventId, occurredAt);
    }
  }

  /**
   * A refund of one payment, by the program's {@link MembershipProgram.Refunds} rule; the time it
   * bought ends (see {@link MembershipPolicy}).
   *
   * @param eventId the host's id
   * @param occurredAt when
   * @param paymentId the refunded payment
   */
  record Refund(String eventId, Instant occurredAt, String paymentId) implements MembershipEvent {
    /**
     * Checks that every field is present.
     *
     * @param eventId not blank
     * @param occurredAt when
     * @param paymentId not blank
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if an id is blank
     */
    public Refund {
      check(eventId, occurredAt);
      Checks.requireNonBlank(paymentId, "paymentId");
    }
  }

  /**
   * The bank reversed a payment: what was not already refunded is lost, the time it bought ends
   * and auto-renew turns off.
   *
   * @param eventId the host's id
   * @param occurredAt when the host learnt of it
   * @param paymentId the reversed payment
   */
  record Chargeback(String eventId, Instant occurredAt, String paymentId) implements MembershipEvent {
    /**
     * Checks that every field is present.
     *
     * @param eventId not blank
     * @param occurredAt when
     * @param paymentId not blank
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if an id is blank
     */
    public Chargeback {
      check(eventId, occurredAt);
      Checks.requireNonBlank(paymentId, "paymentId");
    }
  }

  /**
   * An automatic renewal's payment failed: the grace period starts at the paid end, during which
   * the member keeps the benefits and a renewal continues the membership without a gap.
   *
   * @param eventId the host's id
   * @param occurredAt when the charge failed; at the latest by the end of the grace period
   */
  record RenewalFailed(String eventId, Instant occurredAt) implements MembershipEvent {
    /**
     * Checks that every field is present.
     *
     * @param eventId not blank
     * @param occurredAt when
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code eventId} is blank
     */
    public RenewalFailed {
      check(eventId, occurredAt);
    }
  }
}
