/**
 * Predicted customer value (DOMAIN §2, issue 13 §2): the per-customer calibration and holdout
 * summary the buy-till-you-die models take ({@code x}, {@code t_x}, {@code T}, mean repeat spend,
 * holdout purchases), built from valid orders by one mergeable accumulator. Start with {@link
 * dev.userops.retention.clv.ClvSummarySpec#of}.
 */
package dev.userops.retention.clv;
