package dev.bulwark.data;

import java.sql.SQLException;

/**
 * A failed database call. The message names only the repository method and the SQLState, never the SQL text, a
 * value or the driver's message (those stay in the cause, for the server log). An application maps the subclasses
 * it expects, such as {@link UniqueViolation} to a 409; anything else is the core's scrubbed 500.
 */
public class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String operation;
  private final String sqlState;

  /** A failure of {@code operation} ({@code "PostStore.insert"}), with the SQLState when there is one. */
  public DataAccessException(String operation, String what, String sqlState, Throwable cause) {
    super(operation + " failed: " + what + (sqlState == null ? "" : " (SQLState " + sqlState + ")"), cause);
    this.operation = operation;
    this.sqlState = sqlState;
  }

  /** The repository method that failed, such as {@code "PostStore.insert"}. */
  public String operation() {
    return operation;
  }

  /** The SQLState the driver reported, or {@code null}. */
  public String sqlState() {
    return sqlState;
  }

  /**
   * The exception for a driver failure: the subclass its SQLState stands for (the codes below are the same on H2
   * and PostgreSQL), with the driver's exception as the cause.
   */
  public static DataAccessException translate(String operation, SQLException e) {
    String state = sqlState(e);
    if (state == null) {
      return new DataAccessException(operation, "database error", null, e);
    }
    switch (state) {
      case "23505":
        return new UniqueViolation(operation, state, e);
      case "23503": // PostgreSQL: any foreign key violation; H2: a child row still refers to the parent
      case "23506": // H2: the parent row is missing
        return new ForeignKeyViolation(operation, state, e);
      default:
        if (state.startsWith("23")) {
          return new IntegrityViolation(operation, "integrity constraint violation", state, e);
        }
        return new DataAccessException(operation, "database error", state, e);
    }
  }

  /** The first SQLState in the chain: a batch failure carries it on its next exception on some drivers. */
  private static String sqlState(SQLException e) {
    for (SQLException current = e; current != null; current = current.getNextException()) {
      if (current.getSQLState() != null) {
        return current.getSQLState();
      }
      if (current.getCause() instanceof SQLException cause && cause.getSQLState() != null) {
        return cause.getSQLState();
      }
    }
    return null;
  }
}
