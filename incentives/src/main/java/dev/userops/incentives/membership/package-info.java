/**
 * Paid memberships ("plus", a monthly card; longer periods cheaper): a {@link
 * dev.userops.incentives.membership.MembershipProgram} of plans compiles to a {@link
 * dev.userops.incentives.membership.MembershipPolicy} that applies purchases, renewals, plan changes,
 * refunds and chargebacks to a user's {@link dev.userops.incentives.membership.MembershipState}, with
 * periods in the user's zone; {@link dev.userops.incentives.membership.MembershipSpec} sums members'
 * periods over a population (active members per day, renewal and churn per cohort, revenue per
 * member).
 */
package dev.userops.incentives.membership;
