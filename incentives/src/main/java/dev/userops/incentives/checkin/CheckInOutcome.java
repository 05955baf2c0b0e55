package dev.userops.incentives.checkin;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of one check-in tap.
 *
 * @param state the new state (the input state unless applied)
 * @param status applied, duplicate or rejected
 * @param reason why it was a duplicate or rejected, {@code null} when applied
 * @param effects what the host should do, at most one; empty unless applied
 */
public record CheckInOutcome(CheckInState state, OutcomeStatus status, String reason, List<Effect> effects) {
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
  public CheckInOutcome {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(status, "status");
    effects = List.copyOf(effects);
  }

  /**
   * A check-in's effect.
   *
   * @param key idempotency key, {@code checkin:DATE} or {@code makeup:DATE}: one per local day
   * @param day the local day checked
   * @param streak the streak including {@code day} after the tap
   * @param points the reward to grant (check-in) or, negative, the cost to redeem (make-up)
   */
  public record Effect(String key, LocalDate day, long streak, long points) {
    /**
     * Checks key and day.
     *
     * @param key idempotency key, not blank
     * @param day the local day checked
     * @param streak the streak including {@code day}, {@code >= 1}
     * @param points reward in points ({@code >= 0}), or the make-up cost as a negative number
     * @throws NullPointerException if {@code key} or {@code day} is null
     * @throws IllegalArgumentException if {@code key} is blank
     */
    public Effect {
      Checks.requireNonBlank(key, "key");
      Checks.requireNonNull(day, "day");
    }
  }
}
