/**
 * UserOps incentives. What users are given and sent: points, growth value, levels, check-in
 * streaks, offers and coupons, referral rewards, paid memberships, push throttling and lucky draws,
 * as pure policies over immutable state.
 *
 * <p>Depends on {@code dev.userops.core} only.
 */
module dev.userops.incentives {
  requires transitive dev.userops.core;

  // Exports are added with the first public type of each package (javac rejects empty ones).
  exports dev.userops.incentives;
  exports dev.userops.incentives.checkin;
  exports dev.userops.incentives.draw;
  exports dev.userops.incentives.levels;
  exports dev.userops.incentives.membership;
  exports dev.userops.incentives.offers;
  exports dev.userops.incentives.points;
  exports dev.userops.incentives.push;
  exports dev.userops.incentives.referral;

  // Policy records are read and written by Jackson.
  opens dev.userops.incentives to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.push to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.checkin to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.draw to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.levels to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.membership to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.offers to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.points to com.fasterxml.jackson.databind;
  opens dev.userops.incentives.referral to com.fasterxml.jackson.databind;

  // Readers of this module's accumulator families for Accumulator.fromBytes(bytes).
  provides dev.userops.core.internal.AccumulatorFormats with dev.userops.incentives.internal.IncentivesFormats;
}
