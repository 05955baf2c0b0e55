/**
 * UserOps incentives. What users are given and sent: points, growth value, levels, check-in streaks and push throttling, as pure policies over immutable state.
 *
 * <p>Depends on {@code dev.userops.core} only; packages are exported as they are added.
 */
module dev.userops.incentives {
  requires transitive dev.userops.core;
}
