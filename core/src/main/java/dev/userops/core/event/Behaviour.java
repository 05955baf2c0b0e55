package dev.userops.core.event;

import dev.userops.core.internal.Checks;
import java.time.Instant;

/**
 * A behaviour of or towards a user that incentive programs reward.
 *
 * @param eventId the host's unique event id; source of idempotency keys
 * @param userId the user credited (for passive behaviours, the owner of the content)
 * @param occurredAt when
 * @param type which behaviour
 */
public record Behaviour(String eventId, long userId, Instant occurredAt, BehaviourType type) {

  /**
   * Checks that the id is not blank and that time and type are present.
   *
   * @param eventId the host's unique event id; redelivering an event with the same id is a no-op
   *     in policies that key effects by it
   * @param userId the user credited
   * @param occurredAt when, event time
   * @param type which behaviour
   * @throws NullPointerException if {@code eventId}, {@code occurredAt} or {@code type} is null
   * @throws IllegalArgumentException if {@code eventId} is blank
   */
  public Behaviour {
    Checks.requireNonBlank(eventId, "eventId");
    Checks.requireNonNull(occurredAt, "occurredAt");
    Checks.requireNonNull(type, "type");
  }
}
