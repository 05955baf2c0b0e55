package dev.userops.examples.host;

import dev.userops.core.internal.Checks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The per-user state rows both host examples keep, in a table {@code (user_id BIGINT PRIMARY KEY,
 * state ...)}: created with the empty state before the first event, then locked for the length of
 * each event's transaction, so that one user's events are serialized.
 */
final class StateRows {
  private StateRows() {}

  /** Reads the {@code state} column of a row. */
  @FunctionalInterface
  interface Decoder<S> {
    S decode(ResultSet row) throws SQLException;
  }

  /**
   * Creates the user's row with {@code emptyState} (bytes or text, as the column takes) unless it
   * exists, so that it can be locked.
   */
  static void ensure(DataSource database, String table, long userId, Object emptyState) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (user_id, state) SELECT ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE user_id = ?)")) {
      insert.setLong(1, userId);
      insert.setObject(2, emptyState);
      insert.setLong(3, userId);
      insert.executeUpdate();
    } catch (SQLException e) {
      // Another thread created it between the check and the insert: the row exists, as wanted.
      if (!isDuplicateKey(e)) {
        throw e;
      }
    }
  }

  /** The user's state, its row locked until {@code connection}'s transaction ends. */
  static <S> S lock(Connection connection, String table, long userId, Decoder<S> decoder) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT state FROM " + table + " WHERE user_id = ? FOR UPDATE")) {
      select.setLong(1, userId);
      try (ResultSet row = select.executeQuery()) {
        Checks.checkState(row.next(), "no state row for user %s in %s", userId, table);
        return decoder.decode(row);
      }
    }
  }

  /** The user's stored state, or {@code empty} if the user has no row. */
  static <S> S read(DataSource database, String table, long userId, Decoder<S> decoder, S empty) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT state FROM " + table + " WHERE user_id = ?")) {
      select.setLong(1, userId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? decoder.decode(row) : empty;
      }
    }
  }

  /** Replaces the user's state with {@code encoded} (bytes or text, as the column takes). */
  static void store(Connection connection, String table, long userId, Object encoded) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET state = ? WHERE user_id = ?")) {
      update.setObject(1, encoded);
      update.setLong(2, userId);
      update.executeUpdate();
    }
  }

  /** SQLSTATE 23505: unique or primary key violation. */
  static boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
