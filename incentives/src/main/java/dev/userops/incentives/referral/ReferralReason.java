package dev.userops.incentives.referral;

/**
 * Why a referral event was rejected, why a referral ended without a reward, or why one part of a
 * reward was withheld or taken back.
 */
public enum ReferralReason {
  /**
   * The invitee is the inviter: the same user id, or a fingerprint (device, payment or address
   * hash) the inviter's invites carried appears on the invitee's attribution or payment.
   */
  SELF_REFERRAL,
  /** The invitee is already attributed to a code: the first code wins. */
  ALREADY_REFERRED,
  /**
   * The order is not the invitee's first: the host says the invitee had ordered before, it was
   * paid before the attribution, or the referral already has its first order.
   */
  NOT_FIRST_ORDER,
  /** The first order totals less than the program's minimum. */
  BELOW_MINIMUM,
  /** The first order lacks the program's required tag. */
  MISSING_TAG,
  /** The inviter's reward would exceed a cap or the lifetime maximum: withheld, the invitee's is not. */
  INVITER_CAP,
  /** The first order was refunded below the minimum, or cancelled, before its review ended. */
  REFUNDED_IN_REVIEW,
  /** The rewarded order was refunded below the minimum or cancelled: the rewards are clawed back. */
  REVOKED,
  /** No user in the state issued the attribution's code. */
  UNKNOWN_CODE,
  /** The invite's code belongs to another inviter. */
  CODE_TAKEN,
  /** The inviter already holds {@value ReferralState#MAX_CODES} codes. */
  CODE_LIMIT,
  /** The paying user was never attributed to a code. */
  NOT_REFERRED,
  /** The refunded or cancelled order is not a referral's first order. */
  UNKNOWN_ORDER,
  /** The first order already had {@value ReferralState#MAX_REFUNDS} partial refunds. */
  REFUND_LIMIT
}
