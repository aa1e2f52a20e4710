package dev.bulwark.data;

import java.sql.Connection;
import java.sql.SQLException;

/** A connection lent to one generated repository call: closed at the end unless it belongs to a transaction. */
public final class Lease implements AutoCloseable {
  private final Connection connection;
  private final boolean owned;

  Lease(Connection connection, boolean owned) {
    this.connection = connection;
    this.owned = owned;
  }

  /** The connection to prepare statements on. */
  public Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    if (owned) {
      connection.close();
    }
  }
}
