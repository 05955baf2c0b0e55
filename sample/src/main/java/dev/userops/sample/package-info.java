/**
 * A deterministic, seeded synthetic shop for tests, examples and benchmarks: {@link
 * dev.userops.sample.SyntheticShop} generates users, orders, refunds, activity and behaviours
 * as primitive visits, core event records or {@link dev.userops.sample.OrderColumns}.
 */
package dev.userops.sample;
