package dev.bulwark.auth;

import java.util.Objects;

/**
 * Authentication failed. The message is the {@link Reason} code only, so it is safe to log and carries no
 * token, key, library message or date; a library exception may be attached as the cause for server logs.
 * Callers answer every reason the same way to the client (a generic 401).
 */
public final class AuthenticationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Stable reason codes, for logs, metrics and audit events; never shown to a client. */
  public enum Reason {
    /** The credential is not well formed (not three base64url parts, bad JSON, missing header). */
    MALFORMED,
    /** The token's algorithm is not the one pinned for its key (including {@code none}). */
    ALGORITHM_NOT_ALLOWED,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /** The token names no configured key (unknown {@code kid}, or no kid with several keys). */
    UNKNOWN_KEY,
    /** The token has expired. */
    EXPIRED,
    /** The token's {@code nbf} or {@code iat} is in the future. */
    NOT_YET_VALID,
    /** A required claim ({@code exp}, {@code sub}, {@code iss}, {@code aud}, ...) is missing or mistyped. */
    MISSING_CLAIM,
    /** The issuer is not the configured one. */
    WRONG_ISSUER,
    /** The audience does not contain the configured one. */
    WRONG_AUDIENCE,
    /** The header lists a critical extension this verifier does not understand. */
    UNKNOWN_CRIT,
    /** The token is of another type (a refresh token where an access token is expected, or the reverse). */
    WRONG_TOKEN_TYPE,
    /** The credential exceeds the configured size cap. */
    TOO_LARGE,
    /** The token or key was revoked (logout, denylist, revoked family). */
    REVOKED,
    /** A spent refresh token was presented again; its whole family is now revoked. */
    REFRESH_REUSED,
    /** A header that tries to pick the key from the token itself ({@code jku}, {@code x5u}, {@code jwk}, ...). */
    FORBIDDEN_HEADER,
    /** The credential is missing. */
    MISSING_CREDENTIALS,
    /** The username/password, API key or refresh token is not valid. */
    INVALID_CREDENTIALS,
    /** The account is locked out after too many failures. */
    LOCKED_OUT,
    /** A second factor is required and was not given. */
    MFA_REQUIRED,
    /** The second factor was wrong or already used. */
    MFA_FAILED
  }

  private final Reason reason;

  /** A failure with the given reason and no cause. */
  public AuthenticationException(Reason reason) {
    super(Objects.requireNonNull(reason, "reason").name());
    this.reason = reason;
  }

  /** A failure with the given reason; {@code cause} is kept for server logs only. */
  public AuthenticationException(Reason reason, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").name(), cause);
    this.reason = reason;
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
