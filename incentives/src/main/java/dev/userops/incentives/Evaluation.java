package dev.userops.incentives;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.levels.LevelEvent;
import dev.userops.incentives.points.PointsEvent;
import dev.userops.incentives.referral.ReferralEvent;
import java.time.Instant;

/**
 * The passing of time up to {@code asOf}, the one record that every policy with time-driven effects
 * consumes, so a host's scheduler builds it once and applies it to each: points release pending
 * lots whose lock ended and expire lots due by then; levels run the reviews and grace ends due by
 * then and, under {@link dev.userops.incentives.levels.LevelProgram.DowngradeKind#IMMEDIATELY}, move
 * down a user whose window no longer qualifies; referral grants every reward due by then. It has no
 * id: evaluating twice at the same instant changes nothing the second time.
 *
 * @param asOf the evaluation instant
 */
public record Evaluation(Instant asOf) implements PointsEvent, LevelEvent, ReferralEvent {
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

  /**
   * {@link #asOf} in epoch millis: one definition for the event types it implements.
   *
   * @return milliseconds since 1970-01-01T00:00:00Z, negative before it
   * @throws ArithmeticException if the instant does not fit a {@code long} of milliseconds
   */
  @Override
  public long atMillis() {
    return asOf.toEpochMilli();
  }
}
