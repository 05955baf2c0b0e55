/**
 * Historical customer value (DOMAIN §2 "lifetime value", "acquisition economics"), as mergeable
 * accumulators over valid orders: the cohort LTV triangle, cumulative net revenue per cohort user
 * by interval, optionally split by an attribute of the first valid order ({@link
 * dev.userops.retention.value.LtvSpec#of}); and acquisition-channel economics, the same cohorts by
 * acquisition channel with sign-ups, then CAC, ROI and payback against the host's spend ({@link
 * dev.userops.retention.value.AcquisitionSpec#of}). Money is exact: {@code long} minor units, and
 * averages and rates are {@link dev.userops.retention.value.Ratio}s.
 */
package dev.userops.retention.value;
