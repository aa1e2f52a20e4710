package dev.bulwark.data;

/** A unique or primary key constraint refused the change (SQLState 23505 on H2 and PostgreSQL): map it to a 409. */
public final class UniqueViolation extends IntegrityViolation {
  private static final long serialVersionUID = 1L;

  UniqueViolation(String operation, String sqlState, Throwable cause) {
    super(operation, "unique constraint violation", sqlState, cause);
  }
}
