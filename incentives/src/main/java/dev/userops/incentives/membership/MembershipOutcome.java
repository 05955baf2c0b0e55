package dev.userops.incentives.membership;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import java.util.List;

/**
 * The result of one membership event.
 *
 * @param state the new state (the input state unless applied)
 * @param status applied, duplicate or rejected
 * @param reason why it was a duplicate or rejected, {@code null} when applied
 * @param effects what the host should do, in order; empty unless applied
 */
public record MembershipOutcome(MembershipState state, OutcomeStatus status, String reason, List<Effect> effects) {
  /**
   * Checks state and status and copies the effects.
   *
   * @param state the state to persist
   * @param status applied, duplicate or rejected
   * @param reason why it was not applied, or {@code null}
   * @param effects what the host should do
   * @throws NullPointerException if {@code state}, {@code status}, {@code effects} or an effect is
   *     null
   */
  public MembershipOutcome {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(status, "status");
    effects = List.copyOf(effects);
  }

  /** What an effect asks the host to do. */
  public enum Kind {
    /** Grant a paid period {@code [atMillis, untilMillis)} of {@code plan}; charge {@code amountMinor}. */
    PERIOD_GRANTED,
    /** Turn {@code benefits} on at {@code atMillis}: a membership (re)starts or an upgrade changes them. */
    BENEFITS_ON,
    /** Turn the benefits off at {@code atMillis}: a refund or chargeback ended the membership early. */
    BENEFITS_OFF,
    /** Pay {@code amountMinor} back to the user. */
    REFUND_DUE,
    /** The bank took {@code amountMinor} back; nothing to pay. */
    CHARGED_BACK,
    /** Benefits stay on from the paid end {@code atMillis} to {@code untilMillis} while a renewal is retried. */
    GRACE_STARTED,
    /** Stop charging renewals. */
    AUTO_RENEW_OFF,
    /** Renew into {@code plan} at {@code atMillis}, the paid end, instead of the current plan. */
    PLAN_CHANGE_SCHEDULED
  }

  /**
   * One thing for the host to do, under a key it stores uniquely so that a redelivered event cannot
   * act twice.
   *
   * @param key idempotency key: {@code membership:period:PAYMENT}, {@code membership:refund:PAYMENT},
   *     {@code membership:chargeback:PAYMENT}, or {@code membership:KIND:EVENT} for the others
   *     ({@code benefits-on}, {@code benefits-off}, {@code credit-refund}, {@code grace}, {@code
   *     auto-renew-off}, {@code plan-change})
   * @param kind what to do
   * @param plan the plan concerned
   * @param atMillis when it takes effect, epoch millis
   * @param untilMillis when it ends (a period's or grace's end, exclusive); {@code atMillis} for
   *     one-off effects
   * @param amountMinor money to charge, refund or lost, minor units, {@code >= 0}; 0 if none
   * @param benefits the benefits of {@code plan} for {@code PERIOD_GRANTED} and {@code BENEFITS_ON};
   *     empty otherwise
   */
  public record Effect(String key, Kind kind, String plan, long atMillis, long untilMillis, long amountMinor,
      List<String> benefits) {
    /**
     * Checks and copies.
     *
     * @param key not blank
     * @param kind what to do
     * @param plan the plan id
     * @param atMillis when it takes effect
     * @param untilMillis when it ends, {@code >= atMillis}
     * @param amountMinor {@code >= 0}
     * @param benefits benefit ids; copied
     * @throws NullPointerException if an object field is null
     * @throws IllegalArgumentException if {@code key} is blank or a number is out of range
     */
    public Effect {
      Checks.requireNonBlank(key, "key");
      Checks.requireNonNull(kind, "kind");
      Checks.requireNonNull(plan, "plan");
      if (untilMillis < atMillis) {
        throw new IllegalArgumentException("effect " + key + " ends before it starts");
      }
      Checks.requireNonNegative(amountMinor, "amountMinor");
      benefits = List.copyOf(benefits);
    }
  }
}
