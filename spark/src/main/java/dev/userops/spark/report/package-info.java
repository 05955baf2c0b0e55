/** {@code userops report} as a Spark job: {@link dev.userops.spark.report.SparkReport}. */
package dev.userops.spark.report;
