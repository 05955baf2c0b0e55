package dev.userops.core.event;

/**
 * The status of an order as exported by the host. Only {@link #PAID} orders are purchases (DOMAIN
 * §5: a valid order is paid and not cancelled; a fully refunded order is not a purchase).
 * Partial refunds are separate {@link Refund} events against a paid order.
 */
public enum OrderStatus {
  /** Paid and not cancelled or fully refunded: a valid order. */
  PAID,
  /** Cancelled before or after payment: never a purchase. */
  CANCELLED,
  /** Paid, then refunded in full: not a purchase. */
  REFUNDED;

  /**
   * Whether an order in this status is a valid order (a purchase).
   *
   * @return {@code true} for {@link #PAID} only
   */
  public boolean isValidOrder() {
    return this == PAID;
  }
}
