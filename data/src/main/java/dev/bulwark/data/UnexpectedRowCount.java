package dev.bulwark.data;

/** A method that returns one row (not {@code Optional}) found none, or a single-row method found several. */
public final class UnexpectedRowCount extends DataAccessException {
  private static final long serialVersionUID = 1L;

  /** For generated code: {@code found} is "no row" or "more than one row". */
  public UnexpectedRowCount(String operation, String found) {
    super(operation, "expected exactly one row, found " + found, null, null);
  }
}
