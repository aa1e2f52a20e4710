package dev.bulwark.auth.token.store;

/**
 * A shared {@link dev.bulwark.auth.token.TokenStore} could not answer (database or Redis down, a timeout, a
 * failed statement). Unchecked on purpose: the HTTP layer answers it with a 503 or 500 problem, and no caller
 * can mistake it for "not revoked" or "not spent". The message names the operation only, never SQL, a key, a
 * token or a hash; the cause carries the driver's exception for the server log.
 */
public final class TokenStoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** {@code operation} is a fixed word such as {@code "spend"}; {@code cause} is the driver's exception. */
  public TokenStoreUnavailableException(String store, String operation, Throwable cause) {
    super(store + " token store unavailable during " + operation, cause);
  }
}
