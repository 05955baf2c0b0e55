package dev.userops.examples.host;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.offers.Cart;
import dev.userops.incentives.offers.Offer;
import dev.userops.incentives.offers.OffersPolicy;
import dev.userops.incentives.offers.PricingOutcome;
import dev.userops.incentives.offers.PricingOutcome.Redemption;
import dev.userops.incentives.offers.RefundOutcome;
import dev.userops.incentives.offers.RefundOutcome.Release;
import dev.userops.incentives.offers.RefundState;
import dev.userops.incentives.offers.ReturnEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A host service that places orders through an {@link OffersPolicy} with the offers' usage in a
 * relational database (the tests use embedded H2): the policy is pure and only reads the usage the
 * host passes in, so this class is where limits and budgets are made to hold under concurrency.
 *
 * <p><b>Placing an order</b> is one transaction: the usage rows of every offer are locked {@code
 * FOR UPDATE} in offer id order (one order for all transactions, so no deadlock), the user's counts
 * read, the cart priced with them, and the redemptions and new counts written before the locks are
 * released. Two users racing for the last use of a global limit are thereby serialized: the second
 * sees the first's count and gets {@code GLOBAL_LIMIT}. The priced order is stored under its order
 * id, so a redelivered order returns the stored outcome and redeems nothing again; redemptions are
 * also stored under their keys (primary key), so even a lost order row could not count one twice.
 * Locking every offer's row serializes all placements; a busy host would lock only the rows of the
 * offers with a global limit or budget that the cart may use, still in id order.
 *
 * <p><b>A return or cancel</b> locks the order row, applies {@link OffersPolicy#refund} to the
 * stored refund state and stores the new one. Each release is inserted under its release key
 * (primary key) before the usage goes down, so a release counts once however often it is delivered.
 *
 * <pre>
 * offer_usage     (offer_id VARCHAR PRIMARY KEY, redemptions BIGINT, budget_used BIGINT)
 * offer_user_usage(offer_id VARCHAR, user_id VARCHAR, redemptions BIGINT, PRIMARY KEY (offer_id, user_id))
 * offer_order     (order_id VARCHAR PRIMARY KEY, priced CLOB, refund_state CLOB)  -- the policy's JSON forms
 * offer_redemption(redemption_key VARCHAR PRIMARY KEY, offer_id VARCHAR, budget_minor BIGINT)
 * offer_release   (release_key VARCHAR PRIMARY KEY, offer_id VARCHAR)
 * offer_refund    (refund_key VARCHAR PRIMARY KEY, refund_minor BIGINT)
 * </pre>
 */
public final class OffersHost {
  private final DataSource database;
  private final OffersPolicy policy;

  /** A host over {@code database} applying {@code policy}; call {@link #createTables} once. */
  public OffersHost(DataSource database, OffersPolicy policy) {
    this.database = Checks.requireNonNull(database, "database");
    this.policy = Checks.requireNonNull(policy, "policy");
  }

  /** Creates the tables if they do not exist and a usage row for each offer of the policy. */
  public void createTables() throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS offer_usage (offer_id VARCHAR(256) PRIMARY KEY,"
          + " redemptions BIGINT NOT NULL, budget_used BIGINT NOT NULL)");
      statement.execute("CREATE TABLE IF NOT EXISTS offer_user_usage (offer_id VARCHAR(256) NOT NULL,"
          + " user_id VARCHAR(256) NOT NULL, redemptions BIGINT NOT NULL, PRIMARY KEY (offer_id, user_id))");
      statement.execute("CREATE TABLE IF NOT EXISTS offer_order (order_id VARCHAR(256) PRIMARY KEY,"
          + " priced CLOB NOT NULL, refund_state CLOB NOT NULL)");
      statement.execute("CREATE TABLE IF NOT EXISTS offer_redemption (redemption_key VARCHAR(600) PRIMARY KEY,"
          + " offer_id VARCHAR(256) NOT NULL, budget_minor BIGINT NOT NULL)");
      statement.execute("CREATE TABLE IF NOT EXISTS offer_release (release_key VARCHAR(600) PRIMARY KEY,"
          + " offer_id VARCHAR(256) NOT NULL)");
      statement.execute("CREATE TABLE IF NOT EXISTS offer_refund (refund_key VARCHAR(600) PRIMARY KEY,"
          + " refund_minor BIGINT NOT NULL)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO offer_usage (offer_id, redemptions,"
          + " budget_used) SELECT ?, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM offer_usage WHERE offer_id = ?)")) {
        for (Offer offer : policy.program().offers()) {
          String offerId = offer.id();
          insert.setString(1, offerId);
          insert.setString(2, offerId);
          insert.executeUpdate();
        }
      }
    }
  }

  /**
   * Places {@code cart}: prices it with the stored usage (its own {@code usage} is ignored) and
   * records its redemptions, in one transaction. Safe to call again with the same order, from any
   * thread.
   *
   * @return the priced order; for a redelivered order id, the outcome stored the first time
   */
  public PricingOutcome place(Cart cart) throws SQLException {
    return Transactions.inTransaction(database, connection -> {
      Map<String, Cart.Usage> usage = readUsage(connection, cart.userId(), true);
      PricingOutcome stored = storedOrder(connection, cart.orderId());
      if (stored != null) {
        return stored;
      }
      PricingOutcome priced = policy.price(cart.withUsage(usage));
      for (Redemption redemption : priced.applied()) {
        redeem(connection, cart.userId(), redemption);
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO offer_order (order_id, priced, refund_state) VALUES (?, ?, ?)")) {
        insert.setString(1, cart.orderId());
        insert.setString(2, priced.toJson());
        insert.setString(3, RefundState.none().toJson());
        insert.executeUpdate();
      }
      return priced;
    });
  }

  /**
   * Applies a return or cancel to a placed order in one transaction: stores the new refund state and
   * the refund, and gives the usage of each release back exactly once.
   *
   * @return the policy's outcome: a duplicate for a redelivered return id
   * @throws IllegalArgumentException if no order {@code orderId} was placed
   */
  public RefundOutcome refund(String orderId, ReturnEvent event) throws SQLException {
    return Transactions.inTransaction(database, connection -> {
      PricingOutcome priced;
      RefundState state;
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT priced, refund_state FROM offer_order WHERE order_id = ? FOR UPDATE")) {
        select.setString(1, orderId);
        try (ResultSet row = select.executeQuery()) {
          Checks.checkArgument(row.next(), "no order %s was placed", orderId);
          priced = PricingOutcome.fromJson(row.getString(1));
          state = RefundState.fromJson(row.getString(2));
        }
      }
      RefundOutcome outcome = policy.refund(priced, state, event);
      if (outcome.status() == OutcomeStatus.APPLIED) {
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE offer_order SET refund_state = ? WHERE order_id = ?")) {
          update.setString(1, outcome.state().toJson());
          update.setString(2, orderId);
          update.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO offer_refund (refund_key, refund_minor) VALUES (?, ?)")) {
          insert.setString(1, outcome.refundKey());
          insert.setLong(2, outcome.refundMinor());
          insert.executeUpdate();
        }
        for (Release release : outcome.releases()) {
          release(connection, priced.userId(), release);
        }
      }
      return outcome;
    });
  }

  /** The stored usage of {@code offerId}: its user count for {@code userId}, global count and budget used. */
  public Cart.Usage usage(String offerId, String userId) throws SQLException {
    try (Connection connection = database.getConnection()) {
      return readUsage(connection, userId, false).getOrDefault(offerId, new Cart.Usage(0, 0, 0));
    }
  }

  /**
   * The usage as the cart carries it; with {@code lock}, every offer's usage row is locked, in offer
   * id order.
   */
  private Map<String, Cart.Usage> readUsage(Connection connection, String userId, boolean lock) throws SQLException {
    Map<String, long[]> counts = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT offer_id, redemptions, budget_used"
        + " FROM offer_usage ORDER BY offer_id" + (lock ? " FOR UPDATE" : ""))) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), new long[] {0, rows.getLong(2), rows.getLong(3)});
        }
      }
    }
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT offer_id, redemptions FROM offer_user_usage WHERE user_id = ?")) {
      select.setString(1, userId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          counts.computeIfAbsent(rows.getString(1), id -> new long[3])[0] = rows.getLong(2);
        }
      }
    }
    Map<String, Cart.Usage> usage = new HashMap<>();
    counts.forEach((offerId, c) -> usage.put(offerId, new Cart.Usage(c[0], c[1], c[2])));
    return usage;
  }

  private static PricingOutcome storedOrder(Connection connection, String orderId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT priced FROM offer_order WHERE order_id = ?")) {
      select.setString(1, orderId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? PricingOutcome.fromJson(row.getString(1)) : null;
      }
    }
  }

  private static void redeem(Connection connection, String userId, Redemption redemption) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO offer_redemption (redemption_key, offer_id, budget_minor) VALUES (?, ?, ?)")) {
      insert.setString(1, redemption.redemptionKey());
      insert.setString(2, redemption.offerId());
      insert.setLong(3, redemption.budgetMinor());
      insert.executeUpdate();
    }
    addUsage(connection, redemption.offerId(), userId, 1, redemption.budgetMinor());
  }

  private static void release(Connection connection, String userId, Release release) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO offer_release (release_key, offer_id) VALUES (?, ?)")) {
      insert.setString(1, release.releaseKey());
      insert.setString(2, release.offerId());
      insert.executeUpdate();
    }
    addUsage(connection, release.offerId(), userId, release.restoresUse() ? -1 : 0, -release.budgetMinor());
  }

  private static void addUsage(Connection connection, String offerId, String userId, long uses, long budgetMinor)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE offer_usage SET redemptions = redemptions + ?, budget_used = budget_used + ? WHERE offer_id = ?")) {
      update.setLong(1, uses);
      update.setLong(2, budgetMinor);
      update.setString(3, offerId);
      update.executeUpdate();
    }
    try (PreparedStatement merge = connection.prepareStatement("MERGE INTO offer_user_usage (offer_id, user_id,"
        + " redemptions) KEY (offer_id, user_id) VALUES (?, ?, COALESCE((SELECT redemptions FROM offer_user_usage"
        + " WHERE offer_id = ? AND user_id = ?), 0) + ?)")) {
      merge.setString(1, offerId);
      merge.setString(2, userId);
      merge.setString(3, offerId);
      merge.setString(4, userId);
      merge.setLong(5, uses);
      merge.executeUpdate();
    }
  }
}
