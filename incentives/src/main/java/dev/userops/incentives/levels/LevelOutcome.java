package dev.userops.incentives.levels;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import java.util.List;

/**
 * The result of one level event.
 *
 * @param state the new state (the input state unless applied)
 * @param status applied, duplicate or rejected
 * @param reason why it was a duplicate or rejected, {@code null} when applied
 * @param growth growth value the event earned
 * @param changes level changes, in time order
 */
public record LevelOutcome(LevelState state, OutcomeStatus status, String reason, long growth, List<LevelChange> changes) {
  /**
   * Checks state and status and copies the changes.
   *
   * @param state the state to persist
   * @param status applied, duplicate or rejected
   * @param reason why it was not applied, or {@code null}
   * @param growth growth value the event earned, 0 unless applied
   * @param changes level changes, in time order
   * @throws NullPointerException if {@code state}, {@code status}, {@code changes} or a change is
   *     null
   */
  public LevelOutcome {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(status, "status");
    changes = List.copyOf(changes);
  }


  /**
   * A level change.
   *
   * @param key idempotency key: {@code level:SOURCE} where the source is the event, review or grace
   *     end that caused it
   * @param from level before
   * @param to level after
   * @param atMillis when it took effect
   * @param reason why, for people
   */
  public record LevelChange(String key, String from, String to, long atMillis, String reason) {}
}
