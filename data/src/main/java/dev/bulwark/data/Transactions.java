package dev.bulwark.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs a block in one transaction on one connection. Repositories over the same {@code DataSource} called inside the
 * block (on the same thread) join it; so do nested {@code inTransaction} calls. Any exception or error thrown out of
 * the block rolls the whole transaction back and is rethrown unchanged. A nested block that throws marks the
 * transaction rollback-only, so catching its exception in the outer block cannot commit half of the work.
 *
 * <pre>{@code
 * long id = Transactions.inTransaction(dataSource, () -> {
 *   long post = posts.insert(newPost);
 *   audit.record(post, "created");
 *   return post;
 * });
 * }</pre>
 */
public final class Transactions {
  private static final ThreadLocal<Map<DataSource, Bound>> BOUND = new ThreadLocal<>();

  private Transactions() {}

  /** Runs {@code work} in a transaction on {@code dataSource} (joining one already open) and returns its result. */
  public static <T> T inTransaction(DataSource dataSource, Supplier<T> work) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(work, "work");
    Bound joined = bound(dataSource);
    if (joined != null) {
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        joined.rollbackOnly = true;
        throw e;
      }
    }
    return outermost(dataSource, work);
  }

  /** Runs {@code work} in a transaction on {@code dataSource}, joining one already open. */
  public static void inTransaction(DataSource dataSource, Runnable work) {
    Objects.requireNonNull(work, "work");
    inTransaction(dataSource, () -> {
      work.run();
      return null;
    });
  }

  /** Whether this thread is inside a transaction on {@code dataSource}. */
  public static boolean active(DataSource dataSource) {
    return bound(dataSource) != null;
  }

  /**
   * For generated code: the connection of the transaction open on this thread, or a fresh one from the pool (in
   * auto-commit mode) that the lease closes.
   */
  public static Lease lease(DataSource dataSource) throws SQLException {
    Bound bound = bound(dataSource);
    return bound != null ? new Lease(bound.connection, false) : new Lease(dataSource.getConnection(), true);
  }

  private static <T> T outermost(DataSource dataSource, Supplier<T> work) {
    Connection connection;
    boolean autoCommit;
    try {
      connection = dataSource.getConnection();
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw DataAccessException.translate("Transactions.begin", e);
    }
    Bound bound = new Bound(connection);
    bind(dataSource, bound);
    try {
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      }
      if (bound.rollbackOnly) {
        rollback(connection, null);
        throw new DataAccessException("Transactions.commit",
            "a nested block failed, so the transaction was rolled back", null, null);
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        rollback(connection, e);
        throw DataAccessException.translate("Transactions.commit", e);
      }
      return result;
    } finally {
      unbind(dataSource);
      close(connection, autoCommit);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      } else {
        throw DataAccessException.translate("Transactions.rollback", e);
      }
    }
  }

  private static void close(Connection connection, boolean autoCommit) {
    try (connection) {
      connection.setAutoCommit(autoCommit); // a pool hands the connection on as it was given
    } catch (SQLException e) {
      throw DataAccessException.translate("Transactions.close", e);
    }
  }

  private static Bound bound(DataSource dataSource) {
    Map<DataSource, Bound> map = BOUND.get();
    return map == null ? null : map.get(dataSource);
  }

  private static void bind(DataSource dataSource, Bound bound) {
    Map<DataSource, Bound> map = BOUND.get();
    if (map == null) {
      map = new IdentityHashMap<>();
      BOUND.set(map);
    }
    map.put(dataSource, bound);
  }

  private static void unbind(DataSource dataSource) {
    Map<DataSource, Bound> map = BOUND.get();
    map.remove(dataSource);
    if (map.isEmpty()) {
      BOUND.remove(); // leave nothing behind on pooled threads
    }
  }

  /** The connection of an open transaction, and whether a nested block failed. */
  private static final class Bound {
    final Connection connection;
    boolean rollbackOnly;

    Bound(Connection connection) {
      this.connection = connection;
    }
  }
}
