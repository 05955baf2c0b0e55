package dev.userops.incentives.points;

import dev.userops.core.internal.Checks;
import dev.userops.core.event.Behaviour;
import java.time.Instant;
import java.util.List;

/**
 * What happens to one user that the points policy reacts to. Every event but {@link Evaluation}
 * carries the host's unique id, the source of the idempotency keys of its ledger entries.
 */
public sealed interface PointsEvent {

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
   * One line of a paid order. Core's {@link dev.userops.core.event.Order} carries only a total;
   * earn rules need lines to exclude shipping and to weight categories and SKUs, so the host maps
   * its order lines to these.
   *
   * @param sku the host's SKU, or {@code null}
   * @param category the line's category (e.g. {@code "books"}, {@code "shipping"}), or {@code null}
   * @param amountMinor what the user paid for the line, minor units, {@code >= 0}
   */
  record OrderLine(String sku, String category, long amountMinor) {
    /**
     * Requires a non-negative amount.
     *
     * @param sku the host's SKU, or {@code null}
     * @param category the line's category, or {@code null}
     * @param amountMinor what the user paid for the line, minor units, {@code >= 0}
     * @throws IllegalArgumentException if {@code amountMinor < 0}
     */
    public OrderLine {
      Checks.requireNonNegative(amountMinor, "amountMinor");
    }
  }

  /**
   * A paid order.
   *
   * @param orderId the host's order id; a second event with the same id is a no-op
   * @param occurredAt when it was paid
   * @param lines its lines, at least one
   * @param level the user's level id at payment time (for the level multiplier), or {@code null}
   */
  record PaidOrder(String orderId, Instant occurredAt, List<OrderLine> lines, String level)
      implements PointsEvent {
    /**
     * Checks id, time and lines.
     *
     * @param orderId the host's order id, not blank
     * @param occurredAt when it was paid
     * @param lines its lines, at least one; copied
     * @param level the user's level id, or {@code null} for no multiplier
     * @throws NullPointerException if {@code orderId}, {@code occurredAt}, {@code lines} or a line
     *     is null
     * @throws IllegalArgumentException if {@code orderId} is blank or there are no lines
     */
    public PaidOrder {
      Checks.requireNonBlank(orderId, "orderId");
      Checks.requireNonNull(occurredAt, "occurredAt");
      lines = List.copyOf(Checks.requireNonNull(lines, "lines"));
      Checks.checkArgument(!lines.isEmpty(), "order %s has no lines", orderId);
    }

    /**
     * An order of one line of {@code amountMinor} with no SKU or category.
     *
     * @param orderId the host's order id, not blank
     * @param occurredAt when it was paid
     * @param amountMinor the order total, minor units, {@code >= 0}
     * @param level the user's level id, or {@code null} for no multiplier
     * @return the event
     * @throws NullPointerException if {@code orderId} or {@code occurredAt} is null
     * @throws IllegalArgumentException if {@code orderId} is blank or {@code amountMinor < 0}
     */
    public static PaidOrder of(String orderId, Instant occurredAt, long amountMinor, String level) {
      return new PaidOrder(orderId, occurredAt, List.of(new OrderLine(null, null, amountMinor)), level);
    }

    /**
     * The sum of the lines' amounts.
     *
     * @return the order total in minor units, {@code >= 0}
     * @throws ArithmeticException if the sum overflows a {@code long}
     */
    public long totalMinor() {
      long total = 0;
      for (OrderLine line : lines) {
        total = Math.addExact(total, line.amountMinor());
      }
      return total;
    }
  }

  /**
   * A rewarded behaviour.
   *
   * @param eventId the host's event id
   * @param occurredAt when
   * @param behaviour a {@link dev.userops.core.event.BehaviourType} name or a host-defined name
   * @param level the user's level id, or {@code null}
   */
  record BehaviourDone(String eventId, Instant occurredAt, String behaviour, String level)
      implements PointsEvent {
    /**
     * Checks id, time and behaviour.
     *
     * @param eventId the host's event id, not blank
     * @param occurredAt when
     * @param behaviour the behaviour name, matched exactly against the rules' {@code behaviour}
     * @param level the user's level id, or {@code null} for no multiplier
     * @throws NullPointerException if {@code eventId}, {@code occurredAt} or {@code behaviour} is
     *     null
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

  /**
   * Advances the state to {@code asOf}: releases pending lots whose lock ended and expires lots
   * whose expiry is at or before it. Has no id: evaluating twice at the same instant changes
   * nothing the second time.
   *
   * @param asOf the evaluation instant
   */
  record Evaluation(Instant asOf) implements PointsEvent {
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
