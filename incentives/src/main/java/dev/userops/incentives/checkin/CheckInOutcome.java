package dev.userops.incentives.checkin;

import dev.userops.core.Checks;
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
public record CheckInOutcome(CheckInState state, Status status, String reason, List<Effect> effects) {
  /** Checks state and status and copies the effects. */
  public CheckInOutcome {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(status, "status");
    effects = List.copyOf(effects);
  }

  /** What became of the tap. */
  public enum Status {
    /** Checked in (or made up a day). */
    APPLIED,
    /** That local day was already checked: a double tap. Nothing changed. */
    DUPLICATE,
    /** Not allowed (make-up off or out of range, day before the latest check-in). Nothing changed. */
    REJECTED
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
    /** Checks key and day. */
    public Effect {
      Checks.requireNonBlank(key, "key");
      Checks.requireNonNull(day, "day");
    }
  }
}
