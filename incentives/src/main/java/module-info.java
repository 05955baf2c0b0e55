/**
 * UserOps incentives. What users are given and sent: points, growth value, levels, check-in
 * streaks, offers and push throttling, as pure policies over immutable state.
 *
 * <p>Depends on {@code dev.userops.core} only.
 */
module dev.userops.incentives {
  requires transitive dev.userops.core;

  // Exports are added with the first public type of each package (javac rejects empty ones).
  exports dev.userops.incentives;
  exports dev.userops.incentives.checkin;
  exports dev.userops.incentives.levels;
  exports dev.userops.incentives.offers;
  exports dev.userops.incentives.points;
  exports dev.userops.incentives.push;

  // Policy records are read and written by Jackson.
  opens dev.userops.incentives to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.push to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.checkin to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.levels to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.offers to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.points to com.fasterxml.jackson.databind;
}
