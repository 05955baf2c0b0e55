package dev.userops.incentives.draw;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import java.util.List;

/**
 * The result of one event: the new state and the award to persist with it in one transaction.
 *
 * @param state the state after the event (the input state unless applied)
 * @param status applied (a draw took place, whatever it awarded), duplicate or rejected
 * @param reason why it was a duplicate or rejected, {@code null} when applied
 * @param effects the award, at most one; empty unless a prize or the consolation was won
 */
public record DrawOutcome(DrawState state, OutcomeStatus status, String reason, List<Award> effects) {
  /**
   * Checks state and status and copies the effects.
   *
   * @param state the state to persist
   * @param status applied, duplicate or rejected
   * @param reason why it was not applied, or {@code null}
   * @param effects what the host should hand out
   * @throws NullPointerException if {@code state}, {@code status}, {@code effects} or an effect is
   *     null
   */
  public DrawOutcome {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(status, "status");
    effects = List.copyOf(effects);
  }

  /**
   * Whether a draw took place.
   *
   * @return {@code status() == APPLIED}
   */
  public boolean applied() {
    return status == OutcomeStatus.APPLIED;
  }

  /**
   * A prize to hand out.
   *
   * @param key idempotency key {@code draw:<drawId>:<eventId>}, one per event
   * @param prize the prize or consolation id
   * @param valueMinor what it costs the shop, minor units
   * @param consolation whether it is the consolation prize (then no inventory is taken)
   * @param guaranteed whether the guarantee raised the drawn result to this prize
   * @param ticket the keyed hash of the event as 16 hexadecimal digits, for the audit trail
   * @param outOfStock the prizes out of stock when drawn, in program order: with the key and the
   *     event they re-derive this award ({@link DrawPolicy#audit})
   */
  public record Award(String key, String prize, long valueMinor, boolean consolation, boolean guaranteed,
      String ticket, List<String> outOfStock) {
    /**
     * Checks the fields and copies the list.
     *
     * @param key not blank
     * @param prize not blank
     * @param valueMinor {@code >= 0}
     * @param consolation whether it is the consolation prize
     * @param guaranteed whether the guarantee raised the result
     * @param ticket 16 hexadecimal digits
     * @param outOfStock prize ids out of stock when drawn
     * @throws NullPointerException if a reference is null
     * @throws IllegalArgumentException if a string is blank or {@code valueMinor < 0}
     */
    public Award {
      Checks.requireNonBlank(key, "key");
      Checks.requireNonBlank(prize, "prize");
      Checks.requireNonNegative(valueMinor, "valueMinor");
      Checks.requireNonBlank(ticket, "ticket");
      outOfStock = List.copyOf(outOfStock);
    }
  }
}
