package dev.userops.incentives.referral;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.Evaluation;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What happens in a referral program. Each event names the users it concerns; the state passed
 * with it must hold them (see {@link ReferralState}). Fingerprints are opaque host-made strings,
 * such as hashes of a device id, a payment instrument or an address, compared for equality only;
 * prefix them by kind ({@code "device:9f2c"}) so that two kinds never collide.
 */
public sealed interface ReferralEvent
    permits ReferralEvent.Invite, ReferralEvent.Attribution, ReferralEvent.Payment, ReferralEvent.Refund,
        ReferralEvent.Cancellation, Evaluation {
  /** The most fingerprints one event may carry. */
  int MAX_FINGERPRINTS = 16;

  /**
   * When the event happened; for an {@link Evaluation}, its {@code asOf}.
   *
   * @return the event time, never null
   */
  Instant occurredAt();

  /**
   * An inviter was given a code to share.
   *
   * @param inviterId the inviter
   * @param code the code, unique per program (the host's code table enforces that across users)
   * @param occurredAt when
   * @param fingerprints the inviter's fingerprints at the time, at most {@value
   *     ReferralEvent#MAX_FINGERPRINTS}; kept to detect self-referrals
   */
  record Invite(long inviterId, String code, Instant occurredAt, List<String> fingerprints) implements ReferralEvent {
    /**
     * Checks code, time and fingerprints.
     *
     * @param inviterId the inviter
     * @param code the code, not blank
     * @param occurredAt when
     * @param fingerprints at most {@value ReferralEvent#MAX_FINGERPRINTS}, none blank, or {@code
     *     null} for none; copied
     * @throws NullPointerException if {@code code}, {@code occurredAt} or a fingerprint is null
     * @throws IllegalArgumentException if the code or a fingerprint is blank, or there are too many
     */
    public Invite {
      Checks.requireNonBlank(code, "code");
      Checks.requireNonNull(occurredAt, "occurredAt");
      fingerprints = checkedFingerprints(fingerprints);
    }
  }

  /**
   * A new user signed up with a code: the invitee of the code's inviter. The first code a user is
   * attributed to wins; a later one is {@link ReferralReason#ALREADY_REFERRED}.
   *
   * @param inviteeId the invitee
   * @param code the code used
   * @param occurredAt when
   * @param fingerprints the invitee's fingerprints, at most {@value ReferralEvent#MAX_FINGERPRINTS}
   */
  record Attribution(long inviteeId, String code, Instant occurredAt, List<String> fingerprints)
      implements ReferralEvent {
    /**
     * Checks code, time and fingerprints.
     *
     * @param inviteeId the invitee
     * @param code the code, not blank
     * @param occurredAt when
     * @param fingerprints at most {@value ReferralEvent#MAX_FINGERPRINTS}, none blank, or {@code
     *     null} for none; copied
     * @throws NullPointerException if {@code code}, {@code occurredAt} or a fingerprint is null
     * @throws IllegalArgumentException if the code or a fingerprint is blank, or there are too many
     */
    public Attribution {
      Checks.requireNonBlank(code, "code");
      Checks.requireNonNull(occurredAt, "occurredAt");
      fingerprints = checkedFingerprints(fingerprints);
    }
  }

  /**
   * A user paid an order. Only an attributed invitee's first order counts.
   *
   * @param userId the buyer
   * @param orderId the host's order id
   * @param occurredAt when it was paid
   * @param amountMinor the order total, minor units
   * @param firstOrder whether the host knows of no earlier order of the buyer, paid or not refunded
   *     (the state sees only a referral's first order, so the host says)
   * @param tags tag ids of the order (or of the buyer at payment) that the host evaluated, for
   *     {@link ReferralProgram#requiredTag}
   * @param fingerprints fingerprints of the payment (e.g. the card's hash), at most {@value
   *     ReferralEvent#MAX_FINGERPRINTS}
   */
  record Payment(long userId, String orderId, Instant occurredAt, long amountMinor, boolean firstOrder,
      Set<String> tags, List<String> fingerprints) implements ReferralEvent {
    /**
     * Checks id, time, amount, tags and fingerprints.
     *
     * @param userId the buyer
     * @param orderId the order id, not blank
     * @param occurredAt when it was paid
     * @param amountMinor the order total, {@code >= 0}
     * @param firstOrder whether it is the buyer's first order as far as the host knows
     * @param tags tag ids, or {@code null} for none; copied
     * @param fingerprints at most {@value ReferralEvent#MAX_FINGERPRINTS}, none blank, or {@code
     *     null} for none; copied
     * @throws NullPointerException if {@code orderId}, {@code occurredAt}, a tag or a fingerprint is
     *     null
     * @throws IllegalArgumentException if the id or a fingerprint is blank, {@code amountMinor < 0}
     *     or there are too many fingerprints
     */
    public Payment {
      Checks.requireNonBlank(orderId, "orderId");
      Checks.requireNonNull(occurredAt, "occurredAt");
      Checks.requireNonNegative(amountMinor, "amountMinor");
      tags = tags == null ? Set.of() : Set.copyOf(tags);
      fingerprints = checkedFingerprints(fingerprints);
    }

    /**
     * A first order with no tags and no fingerprints.
     *
     * @param userId the buyer
     * @param orderId the order id, not blank
     * @param occurredAt when it was paid
     * @param amountMinor the order total, {@code >= 0}
     * @return the event
     * @throws NullPointerException if {@code orderId} or {@code occurredAt} is null
     * @throws IllegalArgumentException if the id is blank or {@code amountMinor < 0}
     */
    public static Payment first(long userId, String orderId, Instant occurredAt, long amountMinor) {
      return new Payment(userId, orderId, occurredAt, amountMinor, true, null, null);
    }
  }

  /**
   * Money returned against an order. Partial refunds add up; the order stops qualifying once what
   * is left is below the program's minimum, or nothing.
   *
   * @param refundId the host's refund id; a second refund with the same id is a duplicate
   * @param userId the buyer
   * @param orderId the refunded order
   * @param occurredAt when
   * @param amountMinor the money returned, minor units
   */
  record Refund(String refundId, long userId, String orderId, Instant occurredAt, long amountMinor)
      implements ReferralEvent {
    /**
     * Checks ids, time and amount.
     *
     * @param refundId the refund id, not blank
     * @param userId the buyer
     * @param orderId the order id, not blank
     * @param occurredAt when
     * @param amountMinor the money returned, {@code > 0}
     * @throws NullPointerException if an object argument is null
     * @throws IllegalArgumentException if an id is blank or {@code amountMinor <= 0}
     */
    public Refund {
      Checks.requireNonBlank(refundId, "refundId");
      Checks.requireNonBlank(orderId, "orderId");
      Checks.requireNonNull(occurredAt, "occurredAt");
      Checks.requirePositive(amountMinor, "amountMinor");
    }
  }

  /**
   * An order was cancelled (or fully refunded): it never qualifies again.
   *
   * @param userId the buyer
   * @param orderId the cancelled order; a second cancellation of it is a duplicate
   * @param occurredAt when
   */
  record Cancellation(long userId, String orderId, Instant occurredAt) implements ReferralEvent {
    /**
     * Checks id and time.
     *
     * @param userId the buyer
     * @param orderId the order id, not blank
     * @param occurredAt when
     * @throws NullPointerException if {@code orderId} or {@code occurredAt} is null
     * @throws IllegalArgumentException if the id is blank
     */
    public Cancellation {
      Checks.requireNonBlank(orderId, "orderId");
      Checks.requireNonNull(occurredAt, "occurredAt");
    }
  }

  private static List<String> checkedFingerprints(List<String> fingerprints) {
    List<String> copy = fingerprints == null ? List.of() : List.copyOf(fingerprints);
    Checks.checkArgument(copy.size() <= MAX_FINGERPRINTS, "fingerprints: expected at most %s, got %s",
        MAX_FINGERPRINTS, copy.size());
    copy.forEach(f -> Checks.requireNonBlank(f, "fingerprint"));
    return copy;
  }
}
