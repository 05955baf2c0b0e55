package dev.userops.examples.host;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.draw.DrawEvent;
import dev.userops.incentives.draw.DrawOutcome;
import dev.userops.incentives.draw.DrawOutcome.Award;
import dev.userops.incentives.draw.DrawPolicy;
import dev.userops.incentives.draw.DrawProgram;
import dev.userops.incentives.draw.DrawState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A host service that runs a lucky draw over a relational database (the tests use embedded H2): each
 * user's draw state, the prizes' stock and the awards, changed in one transaction per event.
 *
 * <p>The stock is shared by all users, so two users can draw the last unit of a prize at once. The
 * policy only reads which prizes are out of stock; the host takes the unit with a conditional
 * decrement, {@code UPDATE draw_stock SET units_left = units_left - 1 WHERE prize_id = ? AND
 * units_left > 0}. The database lets one transaction through; the other's update waits for it, then
 * finds no unit and changes no row. That transaction then applies the same event again with the
 * prize out of stock: the same ticket now awards what the program's out-of-stock rule says, and the
 * award's {@code outOfStock} records the stock it was drawn with, so an audit re-derives it.
 *
 * <p>Redelivery is harmless twice over, as in {@link PointsHost}: the state row is read {@code FOR
 * UPDATE}, so a user's events are serialized and a replay is a {@code DUPLICATE}; and awards are
 * stored under their idempotency key as the primary key.
 *
 * <pre>
 * draw_state(user_id BIGINT PRIMARY KEY, state CLOB)           -- DrawState.toJson()
 * draw_stock(prize_id VARCHAR PRIMARY KEY, units_left BIGINT)  -- prizes with an inventory
 * draw_award(award_key VARCHAR PRIMARY KEY, user_id BIGINT, prize_id VARCHAR, value_minor BIGINT,
 *            ticket VARCHAR, out_of_stock VARCHAR)
 * </pre>
 */
public final class DrawHost {
  private static final String STATE_TABLE = "draw_state";
  private static final StateRows.Decoder<DrawState> STATE = row -> DrawState.fromJson(row.getString(1));

  private final DataSource database;
  private final DrawPolicy policy;
  /** Runs between the draw and taking its unit: a test seam that lets two draws meet there. */
  private final Runnable beforeTake;

  /** A host over {@code database} applying {@code policy}; call {@link #createTables} once. */
  public DrawHost(DataSource database, DrawPolicy policy) {
    this(database, policy, () -> { });
  }

  DrawHost(DataSource database, DrawPolicy policy, Runnable beforeTake) {
    this.database = Checks.requireNonNull(database, "database");
    this.policy = Checks.requireNonNull(policy, "policy");
    this.beforeTake = beforeTake;
  }

  /** Creates the tables if they do not exist and stocks each prize with an inventory at its start. */
  public void createTables() throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS draw_state (user_id BIGINT PRIMARY KEY, state CLOB NOT NULL)");
      statement.execute("CREATE TABLE IF NOT EXISTS draw_stock (prize_id VARCHAR(256) PRIMARY KEY,"
          + " units_left BIGINT NOT NULL CHECK (units_left >= 0))");
      statement.execute("CREATE TABLE IF NOT EXISTS draw_award (award_key VARCHAR(1024) PRIMARY KEY, user_id BIGINT NOT NULL,"
          + " prize_id VARCHAR(256) NOT NULL, value_minor BIGINT NOT NULL, ticket VARCHAR(16) NOT NULL,"
          + " out_of_stock VARCHAR(4096) NOT NULL)");
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO draw_stock (prize_id, units_left) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM draw_stock WHERE prize_id = ?)")) {
        for (DrawProgram.Prize prize : policy.program().prizes()) {
          if (prize.inventory() != null) {
            insert.setString(1, prize.id());
            insert.setLong(2, prize.inventory());
            insert.setString(3, prize.id());
            insert.executeUpdate();
          }
        }
      }
    }
  }

  /**
   * Delivers {@code event} for {@code userId}: load the state, draw, take the prize's unit, store
   * the award and the state, in one transaction. Safe to call again with the same event, from any
   * thread.
   *
   * @return the policy's outcome, drawn against the stock this transaction could take from
   */
  public DrawOutcome deliver(long userId, DrawEvent event) throws SQLException {
    StateRows.ensure(database, STATE_TABLE, userId, policy.newState().toJson());
    return Transactions.inTransaction(database, connection -> {
      DrawState state = StateRows.lock(connection, STATE_TABLE, userId, STATE);
      DrawOutcome outcome;
      do {
        outcome = policy.apply(state, event, outOfStock(connection));
        beforeTake.run();
      } while (!take(connection, outcome));
      if (outcome.applied()) {
        for (Award award : outcome.effects()) {
          insertAward(connection, userId, award);
        }
        StateRows.store(connection, STATE_TABLE, userId, outcome.state().toJson());
      }
      return outcome;
    });
  }

  /** Units left per prize with an inventory, in program order. */
  public List<Long> stock() throws SQLException {
    List<Long> left = new ArrayList<>();
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT units_left FROM draw_stock WHERE prize_id = ?")) {
      for (DrawProgram.Prize prize : policy.program().prizes()) {
        if (prize.inventory() != null) {
          select.setString(1, prize.id());
          try (ResultSet row = select.executeQuery()) {
            row.next();
            left.add(row.getLong(1));
          }
        }
      }
    }
    return left;
  }

  /** The stored awards of a prize or consolation id. */
  public long awards(String prizeId) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM draw_award WHERE prize_id = ?")) {
      select.setString(1, prizeId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** The user's stored state; the policy's {@link DrawPolicy#newState()} if none. */
  public DrawState state(long userId) throws SQLException {
    return StateRows.read(database, STATE_TABLE, userId, STATE, policy.newState());
  }

  private static List<String> outOfStock(Connection connection) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT prize_id FROM draw_stock WHERE units_left = 0")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  /**
   * Takes one unit of the outcome's prize if it has an inventory; {@code false} if another
   * transaction took the last one, so the draw must be made again.
   */
  private boolean take(Connection connection, DrawOutcome outcome) throws SQLException {
    if (!outcome.applied() || outcome.effects().isEmpty() || outcome.effects().get(0).consolation()) {
      return true;
    }
    String prize = outcome.effects().get(0).prize();
    if (policy.program().prizes().get(policy.program().prizeIndex(prize)).inventory() == null) {
      return true;
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE draw_stock SET units_left = units_left - 1 WHERE prize_id = ? AND units_left > 0")) {
      update.setString(1, prize);
      return update.executeUpdate() == 1;
    }
  }

  private static void insertAward(Connection connection, long userId, Award award) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO draw_award"
        + " (award_key, user_id, prize_id, value_minor, ticket, out_of_stock) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, award.key());
      insert.setLong(2, userId);
      insert.setString(3, award.prize());
      insert.setLong(4, award.valueMinor());
      insert.setString(5, award.ticket());
      insert.setString(6, String.join(",", award.outOfStock()));
      insert.executeUpdate();
    }
  }
}
