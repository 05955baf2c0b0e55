package dev.userops.incentives.points;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.BehaviourDone;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.OrderPaid;
import java.time.Instant;

/**
 * What happens to one user that the points policy reacts to. Every event but {@link Evaluation}
 * carries the host's unique id, the source of the idempotency keys of its ledger entries. A paid
 * order and a behaviour are the shared {@link OrderPaid} and {@link BehaviourDone} records, which
 * the level policy consumes too.
 */
public sealed interface PointsEvent
    permits OrderPaid, BehaviourDone, PointsEvent.OrderRefund, PointsEvent.Redemption,
        PointsEvent.Adjustment, Evaluation {

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
   * Money returned against a paid order: claws back the points the order earned in proportion.
   *
   * @param refundId the host's refund id
   * @param orderId the refunded order
   * @param occurredAt when
   * @param amountMinor refunded amount of the order's total, minor units, {@code > 0}
   */
  record OrderRefund(String refundId, String orderId, Instant occurredAt, long amountMinor)
      implements PointsEvent {
    /**
     * Checks ids, time and amount.
     *
     * @param refundId the host's refund id, not blank
     * @param orderId the refunded order, not blank
     * @param occurredAt when
     * @param amountMinor refunded amount, minor units, {@code > 0}
     * @throws NullPointerException if an object argument is null
     * @throws IllegalArgumentException if an id is blank or {@code amountMinor <= 0}
     */
    public OrderRefund {
      Checks.requireNonBlank(refundId, "refundId");
      Checks.requireNonBlank(orderId, "orderId");
      Checks.requireNonNull(occurredAt, "occurredAt");
      Checks.requirePositive(amountMinor, "amountMinor");
    }
  }

  /**
   * The user spends points.
   *
   * @param redemptionId the host's id for this redemption
   * @param occurredAt when
   * @param points how many, {@code > 0}
   */
  record Redemption(String redemptionId, Instant occurredAt, long points) implements PointsEvent {
    /**
     * Checks id, time and points.
     *
     * @param redemptionId the host's id, not blank
     * @param occurredAt when
     * @param points how many, {@code > 0}
     * @throws NullPointerException if an object argument is null
     * @throws IllegalArgumentException if the id is blank or {@code points <= 0}
     */
    public Redemption {
      Checks.requireNonBlank(redemptionId, "redemptionId");
      Checks.requireNonNull(occurredAt, "occurredAt");
      Checks.requirePositive(points, "points");
    }
  }

  /**
   * A manual correction by an operator: positive adds an available lot (expiring under the
   * program's rule), negative takes points like a claw-back.
   *
   * @param adjustmentId the host's id
   * @param occurredAt when
   * @param points signed, non-zero
   * @param reason why, for the ledger
   */
  record Adjustment(String adjustmentId, Instant occurredAt, long points, String reason)
      implements PointsEvent {
    /**
     * Checks id, time, points and reason.
     *
     * @param adjustmentId the host's id, not blank
     * @param occurredAt when
     * @param points signed points, non-zero
     * @param reason why, not blank
     * @throws NullPointerException if an object argument is null
     * @throws IllegalArgumentException if a string is blank or {@code points == 0}
     */
    public Adjustment {
      Checks.requireNonBlank(adjustmentId, "adjustmentId");
      Checks.requireNonNull(occurredAt, "occurredAt");
      Checks.checkArgument(points != 0, "adjustment %s has 0 points", adjustmentId);
      Checks.requireNonBlank(reason, "reason");
    }
  }
}
