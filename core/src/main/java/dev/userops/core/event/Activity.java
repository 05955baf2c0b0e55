package dev.userops.core.event;

import dev.userops.core.internal.Checks;
import java.time.Instant;

/**
 * That a user did something countable as activity (a launch, a visit, a signup), for active-user
 * and retention measures.
 *
 * @param userId who was active
 * @param occurredAt when
 * @param type the host's event name, e.g. {@code "signup"}, {@code "launch"}; retention specs select
 *     start and return events by it
 */
public record Activity(long userId, Instant occurredAt, String type) {

  /**
   * Checks that the time is present and the type is not blank.
   *
   * @param userId who was active; any value, including a dense index from a dictionary
   * @param occurredAt when, event time
   * @param type the host's event name, compared exactly (case-sensitive)
   * @throws NullPointerException if {@code occurredAt} or {@code type} is null
   * @throws IllegalArgumentException if {@code type} is blank
   */
  public Activity {
    Checks.requireNonNull(occurredAt, "occurredAt");
    Checks.requireNonBlank(type, "type");
  }
}
