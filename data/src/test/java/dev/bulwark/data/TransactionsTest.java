package dev.bulwark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One connection per block, joined by leases and nested blocks; rollback on any exception; SQLState mapping. */
class TransactionsTest {
  private JdbcDataSource dataSource;

  @BeforeEach
  void database() throws SQLException {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:tx" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    execute("CREATE TABLE t (id INT PRIMARY KEY)");
  }

  @Test
  void commitsWhenTheBlockReturns() throws SQLException {
    int result = Transactions.inTransaction(dataSource, () -> insert(1) + insert(2));
    assertEquals(2, result);
    assertEquals(2, count());
    assertFalse(Transactions.active(dataSource));
  }

  @Test
  void rollsBackOnAnyException() throws SQLException {
    assertThrows(IllegalStateException.class, () -> Transactions.inTransaction(dataSource, () -> {
      insert(1);
      throw new IllegalStateException("boom");
    }));
    assertThrows(AssertionError.class, () -> Transactions.inTransaction(dataSource, () -> {
      insert(2);
      throw new AssertionError("an Error rolls back too");
    }));
    assertEquals(0, count());
    assertFalse(Transactions.active(dataSource));
  }

  @Test
  void leasesAndNestedBlocksJoinTheOpenTransaction() throws SQLException {
    Transactions.inTransaction(dataSource, () -> {
      try (Lease outer = Transactions.lease(dataSource)) {
        Transactions.inTransaction(dataSource, () -> {
          try (Lease inner = Transactions.lease(dataSource)) {
            assertSame(outer.connection(), inner.connection());
            assertFalse(inner.connection().getAutoCommit());
          } catch (SQLException e) {
            throw new AssertionError(e);
          }
        });
        assertFalse(outer.connection().isClosed(), "a lease inside a transaction leaves the connection open");
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void aNestedFailureRollsBackTheWholeTransactionEvenIfCaught() throws SQLException {
    assertThrows(DataAccessException.class, () -> Transactions.inTransaction(dataSource, () -> {
      insert(1);
      try {
        Transactions.inTransaction(dataSource, () -> {
          insert(2);
          throw new IllegalStateException("inner");
        });
      } catch (IllegalStateException expected) {
        // swallowed on purpose: the outer commit must still be refused
      }
    }));
    assertEquals(0, count());
  }

  @Test
  void outsideATransactionALeaseOwnsAndClosesItsConnection() throws SQLException {
    Connection connection;
    try (Lease lease = Transactions.lease(dataSource)) {
      connection = lease.connection();
      assertTrue(connection.getAutoCommit());
    }
    assertTrue(connection.isClosed());
  }

  @Test
  void sqlStatesMapToTheHierarchyWithoutTheDriverMessage() {
    insert(1);
    DataAccessException e = assertThrows(DataAccessException.class, () -> Transactions.inTransaction(dataSource, () -> {
      insert(1);
    }));
    assertInstanceOf(UniqueViolation.class, e);
    assertEquals("23505", e.sqlState());
    assertEquals("T.insert failed: unique constraint violation (SQLState 23505)", e.getMessage());
    assertInstanceOf(SQLException.class, e.getCause(), "the driver's detail stays in the cause, for the log");
    assertInstanceOf(ForeignKeyViolation.class, DataAccessException.translate("x", new SQLException("m", "23503")));
    assertInstanceOf(IntegrityViolation.class, DataAccessException.translate("x", new SQLException("m", "23502")));
    assertEquals(DataAccessException.class, DataAccessException.translate("x", new SQLException("m", "42000")).getClass());
    assertEquals(DataAccessException.class, DataAccessException.translate("x", new SQLException("m")).getClass());
  }

  private int insert(int id) {
    try (Lease lease = Transactions.lease(dataSource); Statement s = lease.connection().createStatement()) {
      return s.executeUpdate("INSERT INTO t VALUES (" + id + ")"); // a test constant, never user input
    } catch (SQLException e) {
      throw DataAccessException.translate("T.insert", e);
    }
  }

  private int count() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        var rows = s.executeQuery("SELECT count(*) FROM t")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
