package dev.bulwark.data;

/** A foreign key constraint refused the change: the referenced row is missing, or rows still refer to it. */
public final class ForeignKeyViolation extends IntegrityViolation {
  private static final long serialVersionUID = 1L;

  ForeignKeyViolation(String operation, String sqlState, Throwable cause) {
    super(operation, "foreign key constraint violation", sqlState, cause);
  }
}
