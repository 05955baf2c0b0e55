/**
 * Repurchase measures over valid orders (DOMAIN §2, §5): N-day repurchase by first-order cohort
 * with maturity at {@code asOf}, next-period repurchase, time to second order and the share of
 * buyers with 2+ and 3+ orders, as one mergeable accumulator. Start with {@link
 * dev.userops.retention.repurchase.RepurchaseSpec#of}.
 */
package dev.userops.retention.repurchase;
