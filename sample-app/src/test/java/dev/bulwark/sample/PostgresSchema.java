package dev.bulwark.sample;

import dev.bulwark.testsupport.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own on the machine's PostgreSQL, dropped at close. PostgreSQL that cannot be reached skips the
 * test, unless BULWARK_REQUIRE_SERVICES=1, which makes it fail.
 */
final class PostgresSchema implements AutoCloseable {
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String USER = "postgres";

  final String name;

  private PostgresSchema(String name) {
    this.name = name;
  }

  static PostgresSchema create() {
    if (!Services.listening(5432)) {
      Services.unavailable("PostgreSQL is not reachable at 127.0.0.1:5432");
    }
    String name = "sample_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(URL, USER, null); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name); // a generated constant name, never input
    } catch (SQLException e) {
      Services.unavailable("PostgreSQL at 127.0.0.1:5432 refused user " + USER + " (SQLState " + e.getSQLState() + ")");
    }
    return new PostgresSchema(name);
  }

  /** The JDBC URL the sample is given: every unqualified name lands in this schema. */
  String url() {
    return URL + "?currentSchema=" + name;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, null);
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, null); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + name + " CASCADE");
    }
  }
}
