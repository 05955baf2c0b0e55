/**
 * UserOps retention. Whether users come back: cohort retention matrices, active users, repurchase rates, win-back.
 *
 * <p>Depends on {@code dev.userops.core} only; packages are exported as they are added.
 */
module dev.userops.retention {
  requires transitive dev.userops.core;
}
