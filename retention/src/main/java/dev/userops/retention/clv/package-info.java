/**
 * Predicted customer value (DOMAIN §2, issue 13 §2). Valid orders become the per-customer
 * calibration and holdout summary the buy-till-you-die models take ({@code x}, {@code t_x}, {@code
 * T}, mean repeat spend, holdout purchases), built by one mergeable accumulator; the BG/NBD, MBG/NBD
 * and Pareto/NBD models of repeat purchases and drop-out and the Gamma-Gamma model of spend are
 * fitted to it by maximum likelihood, with standard errors, and give per-customer predictions
 * (P(alive), expected purchases, expected spend, discounted CLV). Start with {@link
 * dev.userops.retention.clv.ClvSummarySpec#of}, then {@link dev.userops.retention.clv.RepeatBuyers#of}
 * and {@link dev.userops.retention.clv.BgNbd#fit}.
 *
 * <p>Performance (JMH {@code ClvBenchmark}, one core of a shared 2-core machine): compressing,
 * fitting BG/NBD and Gamma-Gamma with standard errors and predicting P(alive), E[Y(t)], the
 * expected spend and a 12-month CLV for every customer takes 52 ms for the 23,570 CDNOW customers
 * and 0.55 s (1M customers drawn from BG/NBD) to 1.9 s (1M {@code SyntheticShop} customers, 667,270
 * distinct histories). One BG/NBD log-likelihood evaluation on the CDNOW master's 8,685 compressed
 * rows runs about 9,900 times a second, against 1,300 one customer at a time.
 */
package dev.userops.retention.clv;
