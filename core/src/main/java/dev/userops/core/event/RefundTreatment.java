package dev.userops.core.event;

/**
 * How refunds count against orders (DOMAIN §5: a valid order is paid and not cancelled; how refunds
 * count is a documented option). Cancelled orders never count under any treatment.
 */
public enum RefundTreatment {
  /**
   * The default. An order refunded in full — by status {@link OrderStatus#REFUNDED}, or by {@link
   * Refund}s summing to its amount — is not a purchase; partial refunds reduce its amount.
   */
  NET,
  /**
   * Gross sales: refunds are ignored, so {@link OrderStatus#PAID} and {@link OrderStatus#REFUNDED}
   * orders count at their full amount.
   */
  GROSS;

  /**
   * Whether an order in {@code status} counts as a purchase before any {@link Refund} is applied.
   *
   * @param status the order's exported status
   * @return {@code true} for {@link OrderStatus#PAID}, and for {@link OrderStatus#REFUNDED} under
   *     {@link #GROSS}; {@code false} for {@link OrderStatus#CANCELLED} and for null
   */
  public boolean counts(OrderStatus status) {
    return status == OrderStatus.PAID || (this == GROSS && status == OrderStatus.REFUNDED);
  }
}
