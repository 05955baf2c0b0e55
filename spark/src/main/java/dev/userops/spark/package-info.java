/**
 * The UserOps accumulators on Apache Spark: {@link dev.userops.spark.UserOpsSpark} gives typed
 * aggregators, SQL functions ({@code userops_<family>_agg/_state/_merge/_result}) and per-user RFM
 * features, each equal to the single-machine accumulator on the same rows.
 */
package dev.userops.spark;
