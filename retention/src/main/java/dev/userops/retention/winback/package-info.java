/**
 * Win-back (召回) measures: per calendar period, users who became silent or lost after S or L days
 * without activity, users reactivated after such a gap, and the recall rate of users lapsed at the
 * period's start, as a mergeable accumulator. Start with {@link
 * dev.userops.retention.winback.WinBackSpec#of}.
 */
package dev.userops.retention.winback;
