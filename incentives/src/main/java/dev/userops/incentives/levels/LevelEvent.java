package dev.userops.incentives.levels;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.OrderPaid;
import java.time.Instant;

/**
 * What the level policy reacts to. Every event but {@link Evaluation} carries the host's id. A paid
 * order (growth from its {@link OrderPaid#totalMinor()}; refunds do not take growth back) and a
 * behaviour are the shared {@link OrderPaid} and {@link BehaviourDone} records, which the points
 * policy consumes too.
 */
public sealed interface LevelEvent permits OrderPaid, BehaviourDone, LevelEvent.FloorGranted, Evaluation {

  /**
   * When the event happened; for an {@link Evaluation}, its {@code asOf}.
   *
   * @return the event time, never null
   */
  Instant occurredAt();

  /**
   * {@link #occurredAt()} in epoch millis.
   *
   * @return milliseconds since 1970-01-01T00:00:00Z, negative before it
   * @throws ArithmeticException if the instant does not fit a {@code long} of milliseconds
   */
  default long atMillis() {
    return occurredAt().toEpochMilli();
  }

  /**
   * An operator grants a floor: the user's level is at least {@code level} until {@code until}.
   * A later grant replaces an earlier one.
   *
   * @param grantId the host's id
   * @param occurredAt when
   * @param level the floor level id
   * @param until end of the floor, exclusive, or {@code null} for no end
   */
  record FloorGranted(String grantId, Instant occurredAt, String level, Instant until) implements LevelEvent {
    /**
     * Checks id, time and level; whether the level exists is checked by the policy.
     *
     * @param grantId the host's id, not blank; the idempotency source
     * @param occurredAt when
     * @param level the floor level id
     * @param until end of the floor, exclusive, or {@code null} for no end
     * @throws NullPointerException if {@code grantId}, {@code occurredAt} or {@code level} is null
     * @throws IllegalArgumentException if {@code grantId} or {@code level} is blank
     */
    public FloorGranted {
      Checks.requireNonBlank(grantId, "grantId");
      Checks.requireNonNull(occurredAt, "occurredAt");
      Checks.requireNonBlank(level, "level");
    }
  }
}
