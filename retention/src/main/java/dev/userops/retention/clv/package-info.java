/**
 * Predicted customer value: the BG/NBD, MBG/NBD and Pareto/NBD models of repeat purchases and
 * drop-out and the Gamma-Gamma model of spend, fitted by maximum likelihood with standard errors,
 * and per-customer predictions (P(alive), expected purchases, expected spend, discounted CLV).
 * Start with {@link dev.userops.retention.clv.RepeatBuyers#of} and {@link
 * dev.userops.retention.clv.BgNbd#fit}.
 */
package dev.userops.retention.clv;
