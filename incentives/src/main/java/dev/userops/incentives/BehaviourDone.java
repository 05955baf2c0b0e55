package dev.userops.incentives;

import dev.userops.core.event.Behaviour;
import dev.userops.core.internal.Checks;
import dev.userops.incentives.levels.LevelEvent;
import dev.userops.incentives.points.PointsEvent;
import java.time.Instant;

/**
 * A behaviour the user did (a review, a share, a birthday): the one record that both the points
 * policy (fixed points per behaviour rule) and the level policy (growth per growth rule) consume.
 *
 * @param eventId the host's event id; a second event with the same id is a duplicate
 * @param occurredAt when
 * @param behaviour a {@link dev.userops.core.event.BehaviourType} name or a host-defined one such as
 *     {@code "BIRTHDAY"}, matched exactly against the rules' {@code behaviour}
 * @param level the user's level id, for the points level multiplier (see {@link OrderPaid}), or
 *     {@code null} for none; the level policy ignores it
 */
public record BehaviourDone(String eventId, Instant occurredAt, String behaviour, String level)
    implements PointsEvent, LevelEvent {
  /**
   * Checks id, time and behaviour.
   *
   * @param eventId the host's event id, not blank
   * @param occurredAt when
   * @param behaviour the behaviour name, not blank
   * @param level the user's level id, or {@code null} for no multiplier
   * @throws NullPointerException if {@code eventId}, {@code occurredAt} or {@code behaviour} is null
   * @throws IllegalArgumentException if {@code eventId} or {@code behaviour} is blank
   */
  public BehaviourDone {
    Checks.requireNonBlank(eventId, "eventId");
    Checks.requireNonNull(occurredAt, "occurredAt");
    Checks.requireNonBlank(behaviour, "behaviour");
  }

  /**
   * The event of a core {@link Behaviour}.
   *
   * @param behaviour the behaviour; its type's enum name becomes the behaviour name
   * @param level the user's level id, or {@code null} for no multiplier
   * @return the event, with the behaviour's event id and time
   * @throws NullPointerException if {@code behaviour} is null
   */
  public static BehaviourDone of(Behaviour behaviour, String level) {
    return new BehaviourDone(behaviour.eventId(), behaviour.occurredAt(), behaviour.type().name(), level);
  }

  /**
   * This behaviour with the user's level, for the points level multiplier.
   *
   * @param newLevel the level id, or {@code null} for none
   * @return a copy with {@code level = newLevel}
   */
  public BehaviourDone withLevel(String newLevel) {
    return new BehaviourDone(eventId, occurredAt, behaviour, newLevel);
  }

  /**
   * {@link #occurredAt()} in epoch millis.
   *
   * @return milliseconds since 1970-01-01T00:00:00Z, negative before it
   * @throws ArithmeticException if the instant does not fit a {@code long} of milliseconds
   */
  @Override
  public long atMillis() {
    return occurredAt.toEpochMilli();
  }
}
