package dev.userops.incentives;

import dev.userops.core.internal.Checks;

/**
 * One line of a paid order. Core's {@link dev.userops.core.event.Order} carries only a total; earn
 * rules need lines to exclude shipping and to weight categories and SKUs, so the host maps its order
 * lines to these.
 *
 * @param sku the host's SKU, or {@code null}
 * @param category the line's category (e.g. {@code "books"}, {@code "shipping"}), or {@code null}
 * @param amountMinor what the user paid for the line, minor units, {@code >= 0}
 */
public record OrderLine(String sku, String category, long amountMinor) {
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
