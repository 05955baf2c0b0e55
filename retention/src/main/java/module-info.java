/**
 * UserOps retention. Whether users come back: cohort retention matrices, active users, repurchase rates, win-back.
 *
 * <p>Depends on {@code dev.userops.core} only; packages are exported as they are added.
 */
module dev.userops.retention {
  requires transitive dev.userops.core;
  requires hipparchus.optim;
  requires hipparchus.core;

  exports dev.userops.retention.active;
  exports dev.userops.retention.clv;
  exports dev.userops.retention.cohort;
  exports dev.userops.retention.repurchase;
  exports dev.userops.retention.value;
  exports dev.userops.retention.winback;

  opens dev.userops.retention.active to com.fasterxml.jackson.databind;
  opens dev.userops.retention.clv to com.fasterxml.jackson.databind;
  opens dev.userops.retention.cohort to com.fasterxml.jackson.databind;
  opens dev.userops.retention.repurchase to com.fasterxml.jackson.databind;
  opens dev.userops.retention.value to com.fasterxml.jackson.databind;
  opens dev.userops.retention.winback to com.fasterxml.jackson.databind;

  // Readers of this module's accumulator families for Accumulator.fromBytes(bytes).
  provides dev.userops.core.internal.AccumulatorFormats with dev.userops.retention.internal.RetentionFormats;
}
