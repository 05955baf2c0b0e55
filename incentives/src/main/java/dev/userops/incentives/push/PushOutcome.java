package dev.userops.incentives.push;

import dev.userops.core.internal.Checks;

/**
 * What {@link PushPolicy#apply} returns: the decision, and the user's state to persist with it. On
 * {@link Decision.Verdict#SEND} the state counts the message as delivered at the decision instant
 * (for caps, cool-down and dedupe); otherwise it is the input state, unchanged.
 *
 * @param state the state to persist if the message is sent; a host whose send then fails keeps
 *     the state it had
 * @param decision send, defer or drop, with the reason and deciding rule
 */
public record PushOutcome(PushState state, Decision decision) {
  /**
   * Requires both fields.
   *
   * @param state the new state
   * @param decision the decision
   * @throws NullPointerException if an argument is null
   */
  public PushOutcome {
    Checks.requireNonNull(state, "state");
    Checks.requireNonNull(decision, "decision");
  }

  /**
   * Whether the message may go now.
   *
   * @return {@code decision().isSend()}
   */
  public boolean sent() {
    return decision.isSend();
  }
}
