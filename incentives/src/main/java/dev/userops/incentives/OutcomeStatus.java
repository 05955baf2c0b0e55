package dev.userops.incentives;

/**
 * What became of an event applied to a user's state: the one status of every incentives outcome
 * (points, levels, check-ins). A push decision says more (send, defer, drop) and carries its own
 * verdict.
 */
public enum OutcomeStatus {
  /** The event took effect (possibly with no effects, e.g. an order below the minimum). */
  APPLIED,
  /** The event was seen before (same idempotency key): nothing changed. */
  DUPLICATE,
  /** The event cannot apply; the outcome's reason says why (e.g. insufficient balance). Nothing changed. */
  REJECTED
}
