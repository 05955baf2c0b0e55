/**
 * Cohort retention matrices: first-time or recurring cohorts per day, week or month in a zone,
 * returns "on" or "on or after" an interval or within custom brackets, over calendar periods or
 * rolling 24-hour windows, with immature cells null and pooled means. Start with {@link
 * dev.userops.retention.cohort.RetentionSpec}.
 */
package dev.userops.retention.cohort;
