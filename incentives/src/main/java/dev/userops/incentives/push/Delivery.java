package dev.userops.incentives.push;

import dev.userops.core.internal.Checks;
import java.time.Instant;

/**
 * That a message was handed to its channel: what {@link PushThrottle#record} counts.
 *
 * @param message what was sent
 * @param sentAt when
 */
public record Delivery(Message message, Instant sentAt) {
  /**
   * Requires both fields.
   *
   * @param message what was sent
   * @param sentAt when it was handed to the channel
   * @throws NullPointerException if an argument is null
   */
  public Delivery {
    Checks.requireNonNull(message, "message");
    Checks.requireNonNull(sentAt, "sentAt");
  }
}
