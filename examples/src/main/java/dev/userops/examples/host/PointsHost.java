package dev.userops.examples.host;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.points.LedgerEntry;
import dev.userops.incentives.points.PointsEvent;
import dev.userops.incentives.points.PointsOutcome;
import dev.userops.incentives.points.PointsPolicy;
import dev.userops.incentives.points.PointsState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A host service that keeps each user's points state and ledger in a relational database (the
 * tests use embedded H2) and applies events the way DESIGN §2 asks: load the state, apply the pure
 * policy, persist the new state and the ledger entries, all in one transaction.
 *
 * <p>Two guards make redelivery harmless. The state row is read {@code FOR UPDATE}, so deliveries
 * for one user are serialized and each sees the state the previous one committed: a redelivered
 * event is then a {@link OutcomeStatus#DUPLICATE} and writes nothing. And ledger entries are
 * stored under a primary key of (user, idempotency key), so even a host that lost its state row
 * could not award the same effect twice: the insert fails and the transaction rolls back.
 *
 * <pre>
 * points_state (user_id BIGINT PRIMARY KEY, state BLOB)      -- PointsState.toBytes(), the compact form
 * points_ledger(user_id BIGINT, entry_key VARCHAR, type VARCHAR, available BIGINT, pending BIGINT,
 *               at_millis BIGINT, note VARCHAR, PRIMARY KEY (user_id, entry_key))
 * </pre>
 */
public final class PointsHost {
  private static final String STATE_TABLE = "points_state";
  private static final StateRows.Decoder<PointsState> STATE = row -> PointsState.fromBytes(row.getBytes(1));

  private final DataSource database;
  private final PointsPolicy policy;

  /** A host over {@code database} applying {@code policy}; call {@link #createTables} once. */
  public PointsHost(DataSource database, PointsPolicy policy) {
    this.database = Checks.requireNonNull(database, "database");
    this.policy = Checks.requireNonNull(policy, "policy");
  }

  /** Creates the two tables if they do not exist. */
  public void createTables() throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS points_state (user_id BIGINT PRIMARY KEY, state BLOB NOT NULL)");
      statement.execute("CREATE TABLE IF NOT EXISTS points_ledger (user_id BIGINT NOT NULL, entry_key VARCHAR(512) NOT NULL,"
          + " type VARCHAR(16) NOT NULL, available BIGINT NOT NULL, pending BIGINT NOT NULL, at_millis BIGINT NOT NULL,"
          + " note VARCHAR(512), PRIMARY KEY (user_id, entry_key))");
    }
  }

  /**
   * Delivers {@code event} for {@code userId}: load, apply, persist in one transaction. Safe to
   * call again with the same event, from any thread.
   *
   * @return the policy's outcome (a duplicate for a redelivered event)
   */
  public PointsOutcome deliver(long userId, PointsEvent event) throws SQLException {
    StateRows.ensure(database, STATE_TABLE, userId, policy.newState().toBytes());
    return Transactions.inTransaction(database, connection -> {
      PointsState state = StateRows.lock(connection, STATE_TABLE, userId, STATE);
      PointsOutcome outcome = policy.apply(state, event);
      if (outcome.applied()) {
        insertEntries(connection, userId, outcome);
        StateRows.store(connection, STATE_TABLE, userId, outcome.state().toBytes());
      }
      return outcome;
    });
  }

  /** The user's stored state; the policy's {@link PointsPolicy#newState()} if none. */
  public PointsState state(long userId) throws SQLException {
    return StateRows.read(database, STATE_TABLE, userId, STATE, policy.newState());
  }

  /** The user's ledger sums: {@code [available, pending, entries]}. */
  public long[] ledgerSums(long userId) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT COALESCE(SUM(available), 0), COALESCE(SUM(pending), 0), COUNT(*) FROM points_ledger WHERE user_id = ?")) {
      select.setLong(1, userId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
      }
    }
  }

  private static void insertEntries(Connection connection, long userId, PointsOutcome outcome) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO points_ledger"
        + " (user_id, entry_key, type, available, pending, at_millis, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (LedgerEntry entry : outcome.entries()) {
        insert.setLong(1, userId);
        insert.setString(2, entry.key());
        insert.setString(3, entry.type().name());
        insert.setLong(4, entry.available());
        insert.setLong(5, entry.pending());
        insert.setLong(6, entry.atMillis());
        insert.setString(7, entry.note());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
