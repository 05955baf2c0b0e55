package dev.userops.examples.host;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The transaction every host example runs an event in: its own connection, committed when the work
 * returns and rolled back when it throws, so that a failed event leaves no state, ledger or stock
 * change behind.
 */
final class Transactions {
  private Transactions() {}

  /** Work on the transaction's connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction on a new connection of {@code database}.
   *
   * @return what {@code work} returned, once committed
   * @throws SQLException what {@code work} or the commit threw, after the rollback
   */
  static <T> T inTransaction(DataSource database, Work<T> work) throws SQLException {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }
}
