package dev.userops.examples.input;

/**
 * The column names that several CSV inputs share, spelled once: a user, a time and an order are
 * the same columns in the orders, events and sign-ups files, and a channel the same in sign-ups
 * and spend.
 */
final class Columns {
  static final String USER_ID = "user_id";
  static final String OCCURRED_AT = "occurred_at";
  static final String ORDER_ID = "order_id";
  /** The acquisition channel of a sign-up, and the channel that spend was spent on. */
  static final String CHANNEL = "channel";

  private Columns() {}
}
