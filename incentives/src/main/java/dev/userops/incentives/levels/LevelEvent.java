package dev.userops.incentives.levels;

import dev.userops.core.internal.Checks;
import java.time.Instant;

/** What the level policy reacts to. Every event but {@link Evaluation} carries the host's id. */
public sealed interface LevelEvent {

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
   * A paid order: earns growth in proportion to its amount. Refunds do not take growth back.
   *
   * @param orderId the host's order id
   * @param occurredAt when it was paid
   * @param amountMinor the amount that earns growth, minor units, {@code >= 0}
   */
  record OrderPaid(String orderId, Instant occurredAt, long amountMinor) implements LevelEvent {
    /**
     * Checks id, time and amount.
     *
     * @param orderId the host's order id, not blank; the idempotency source
     * @param occurredAt when it was paid
     * @param amountMinor the amount that earns growth, minor units, {@code >= 0}
     * @throws NullPointerException if {@code orderId} or {@code occurredAt} is null
     * @throws IllegalArgumentException if {@code orderId} is blank or {@code amountMinor < 0}
     */
    public OrderPaid {
      Checks.requireNonBlank(orderId, "orderId");
      Checks.requireNonNull(occurredAt, "occurredAt");
      Checks.requireNonNegative(amountMinor, "amountMinor");
    }
  }

  /**
   * A behaviour that earns growth (active or passive).
   *
   * @param eventId the host's event id
   * @param occurredAt when
   * @param behaviour a {@link dev.userops.core.event.BehaviourType} name or a host-defined one
   */
  record BehaviourDone(String eventId, Instant occurredAt, String behaviour) implements LevelEvent {
    /**
     * Checks id, time and behaviour.
     *
     * @param eventId the host's event id, not blank; the idempotency source
     * @param occurredAt when
     * @param behaviour the behaviour name, matched exactly against the rules' {@code behaviour}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code eventId} or {@code behaviour} is blank
     */
    public BehaviourDone {
      Checks.requireNonBlank(eventId, "eventId");
      Checks.requireNonNull(occurredAt, "occurredAt");
      Checks.requireNonBlank(behaviour, "behaviour");
    }
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

  /**
   * Advances the state to {@code asOf}: runs reviews and grace ends due by then, and under {@link
   * LevelLadder.DowngradeKind#IMMEDIATELY} moves down a user whose window no longer qualifies.
   *
   * @param asOf the evaluation instant
   */
  record Evaluation(Instant asOf) implements LevelEvent {
    /**
     * Requires the instant.
     *
     * @param asOf the evaluation instant
     * @throws NullPointerException if {@code asOf} is null
     */
    public Evaluation {
      Checks.requireNonNull(asOf, "asOf");
    }

    /** The evaluation instant, {@link #asOf}. */
    @Override
    public Instant occurredAt() {
      return asOf;
    }
  }
}
