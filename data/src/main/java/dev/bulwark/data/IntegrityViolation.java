package dev.bulwark.data;

/** A constraint refused the change (SQLState class 23): a NOT NULL, CHECK, unique or foreign key constraint. */
public class IntegrityViolation extends DataAccessException {
  private static final long serialVersionUID = 1L;

  IntegrityViolation(String operation, String what, String sqlState, Throwable cause) {
    super(operation, what, sqlState, cause);
  }
}
