/**
 * A deterministic, seeded synthetic shop for tests, examples and benchmarks: {@link
 * dev.userops.core.sample.SyntheticShop} generates users, orders, refunds, activity and behaviours
 * as primitive visits, core event records or {@link dev.userops.core.sample.OrderColumns}.
 */
package dev.userops.core.sample;
