package dev.userops.incentives.push;

import dev.userops.core.internal.Checks;
import java.time.Instant;

/**
 * Whether a message may go now: the verdict, why, by which rule, and when to try again.
 *
 * @param verdict send, defer or drop
 * @param reason why it was deferred or dropped; {@code null} for {@link Verdict#SEND}
 * @param rule the JSON path of the policy rule that decided, e.g. {@code caps[1]}, {@code
 *     quietHours}, {@code channels[0].consent}; {@code null} when a capped message passed every rule
 * @param until for {@link Verdict#DEFER}: the first instant after the quiet window; else {@code null}
 * @param nextAllowed for a drop by cap: the earliest instant at which every cap admits the message
 *     ({@code null} if never: a cap of 0); by cool-down: when the cool-down ends; by clock: the
 *     newest counted delivery's instant. Quiet hours are not considered. {@code null} otherwise
 */
public record Decision(Verdict verdict, Reason reason, String rule, Instant until, Instant nextAllowed) {
  /**
   * Requires a verdict, and a reason unless it is SEND.
   *
   * @param verdict send, defer or drop
   * @param reason why, exactly when the verdict is not {@link Verdict#SEND}
   * @param rule the JSON path of the deciding rule, or {@code null}
   * @param until the end of the quiet window, exactly when the verdict is {@link Verdict#DEFER}
   * @param nextAllowed when a dropped message could go, or {@code null}
   * @throws NullPointerException if {@code verdict} is null
   * @throws IllegalArgumentException if {@code reason} or {@code until} is present for the wrong
   *     verdict
   */
  public Decision {
    Checks.requireNonNull(verdict, "verdict");
    Checks.checkArgument(
        (verdict == Verdict.SEND) == (reason == null), "reason: expected none exactly for SEND, got %s for %s", reason, verdict);
    Checks.checkArgument(
        (verdict == Verdict.DEFER) == (until != null), "until: expected exactly for DEFER, got %s for %s", until, verdict);
  }

  /**
   * Whether this decision lets the message go now.
   *
   * @return {@code verdict() == SEND}
   */
  public boolean isSend() {
    return verdict == Verdict.SEND;
  }

  /**
   * The three verdicts. ("Outcome" in incentives names what {@code apply} returns: for push, a
   * {@link PushOutcome} with the decision and the new state.)
   */
  public enum Verdict {
    /** Send now. */
    SEND,
    /** Try again at {@link Decision#until()}. */
    DEFER,
    /** Do not send; {@link Decision#reason()} says why. */
    DROP
  }

  /** Why a message was deferred or dropped. */
  public enum Reason {
    /** The user has not consented to the channel (or revoked an opt-out channel). */
    NO_CONSENT,
    /** A message with the same key was delivered within the dedupe window. */
    DUPLICATE,
    /** The user's local time is in quiet hours. */
    QUIET_HOURS,
    /** The campaign reached the user within its cool-down. */
    COOL_DOWN,
    /** A per-channel cap is reached. */
    CAP_CHANNEL,
    /** An across-channels cap is reached. */
    CAP_ALL_CHANNELS,
    /**
     * {@code now} is before the newest delivery the state counts: caps cannot be checked for a clock
     * that went back, so capped classes wait until it passes that instant.
     */
    CLOCK_BEHIND
  }
}
