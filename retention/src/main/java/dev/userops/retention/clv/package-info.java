/**
 * Predicted customer value (DOMAIN §2, issue 13 §2). Valid orders become the per-customer
 * calibration and holdout summary the buy-till-you-die models take ({@code x}, {@code t_x}, {@code
 * T}, mean repeat spend, holdout purchases), built by one mergeable accumulator; the BG/NBD, MBG/NBD
 * and Pareto/NBD models of repeat purchases and drop-out and the Gamma-Gamma model of spend are
 * fitted to it by maximum likelihood, with standard errors, and give per-customer predictions
 * (P(alive), expected purchases, expected spend, discounted CLV). Start with {@link
 * dev.userops.retention.clv.ClvSummarySpec#of}, then {@link dev.userops.retention.clv.RepeatBuyers#of}
 * and {@link dev.userops.retention.clv.BgNbd#fit}.
 */
package dev.userops.retention.clv;
