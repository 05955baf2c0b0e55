/**
 * UserOps incentives. What users are given and sent: points, growth value, levels, check-in
 * streaks and push throttling, as pure policies over immutable state.
 *
 * <p>Depends on {@code dev.userops.core} only.
 */
module dev.userops.incentives {
  requires transitive dev.userops.core;

  // Exports are added with the first public type of each package (javac rejects empty ones).
}
