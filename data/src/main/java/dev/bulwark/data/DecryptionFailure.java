package dev.bulwark.data;

/**
 * An encrypted column did not decrypt: the value was copied from another row or column, was altered, or was
 * encrypted with a key that is no longer in the keyset. Never garbage: a value either decrypts exactly or fails.
 */
public final class DecryptionFailure extends DataAccessException {
  private static final long serialVersionUID = 1L;

  DecryptionFailure(String column, Throwable cause) {
    super(column, "the encrypted value does not belong to this row and column, or its key is not in the keyset",
        null, cause);
  }
}
