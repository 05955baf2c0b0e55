package dev.userops.incentives.push;

import dev.userops.core.internal.Checks;

/**
 * A message a host wants to send to one user.
 *
 * @param channel a channel id of the policy, e.g. {@code "push"}
 * @param messageClass a class name of the policy, e.g. {@code "marketing"}
 * @param campaign the campaign for cool-down; {@code null} for none
 * @param key the dedupe key (the same key is delivered at most once per dedupe window); {@code null}
 *     for none
 */
public record Message(String channel, String messageClass, String campaign, String key) {
  /**
   * Requires channel and class; whether the policy knows them is checked by the throttle.
   *
   * @param channel a channel id, not blank
   * @param messageClass a class name, not blank
   * @param campaign the campaign, or {@code null}
   * @param key the dedupe key, or {@code null}
   * @throws NullPointerException if {@code channel} or {@code messageClass} is null
   * @throws IllegalArgumentException if {@code channel} or {@code messageClass} is blank
   */
  public Message {
    Checks.requireNonBlank(channel, "channel");
    Checks.requireNonBlank(messageClass, "messageClass");
  }

  /**
   * A message without campaign or key.
   *
   * @param channel a channel id, not blank
   * @param messageClass a class name, not blank
   * @return the message: no cool-down, no deduplication
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is blank
   */
  public static Message of(String channel, String messageClass) {
    return new Message(channel, messageClass, null, null);
  }
}
