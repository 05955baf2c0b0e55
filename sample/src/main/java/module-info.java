/**
 * UserOps sample: a deterministic, seeded synthetic shop (users, orders, refunds, activity,
 * behaviours) for hosts' tests, the examples and the benchmarks. Not part of the analytics API.
 *
 * <p>Depends on {@code dev.userops.core} only.
 */
module dev.userops.sample {
  requires transitive dev.userops.core;

  exports dev.userops.sample;

  // SyntheticShop.Config reads and writes JSON through UserOpsJson (Jackson databind).
  opens dev.userops.sample to com.fasterxml.jackson.databind;
}
