package dev.userops.incentives.referral;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import java.util.List;

/**
 * The result of applying one referral event: the new state and the effects to persist with it in
 * one transaction.
 *
 * @param state the state after the event (the input state unless applied)
 * @param status applied, duplicate or rejected
 * @param reason why it was rejected; for an applied event, why the referral ended without a reward
 *     or was revoked ({@link ReferralReason#BELOW_MINIMUM}, {@link ReferralReason#REVOKED}, …);
 *     {@code null} otherwise. A withheld part of a reward is an effect, not this reason.
 * @param detail the reason for people, with the values concerned, or {@code null}
 * @param effects grants, claw-backs and withheld parts, in order; empty unless applied
 */
public record ReferralOutcome(ReferralState state, OutcomeStatus status, ReferralReason reason, String detail,
    List<ReferralEffect> effects) {
  /**
   * Checks state and status and copies the effects.
   *
   * @param state the state to persist
   * @param status applied, duplicate or rejected
   * @param reason why, or {@code null}
   * @param detail the reason for people, or {@code null}
   * @param effects what the host should do
   * @throws NullPointerException if {@code state}, {@code status}, {@code effects} or an effect is
   *     null
   */
  public ReferralOutcome {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(status, "status");
    effects = List.copyOf(effects);
  }

  /**
   * Whether the event took effect.
   *
   * @return {@code status() == APPLIED}
   */
  public boolean applied() {
    return status == OutcomeStatus.APPLIED;
  }
}
