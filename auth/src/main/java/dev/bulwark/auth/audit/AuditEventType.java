package dev.bulwark.auth.audit;

/** The security events Bulwark records; each name is stable and is what appears in the {@code event} field. */
public enum AuditEventType {
  /** A new account was registered. */
  ACCOUNT_REGISTERED,
  /** A login succeeded (password, and second factor when enrolled). */
  LOGIN_SUCCEEDED,
  /** A login failed (unknown account or wrong password alike). */
  LOGIN_FAILED,
  /** An account or client was locked out after repeated failures. */
  LOCKED_OUT,
  /** A refresh token was exchanged for a new pair. */
  TOKEN_REFRESHED,
  /** A spent refresh token was presented again; its family was revoked. */
  REFRESH_REUSED,
  /** A session was ended and its tokens revoked. */
  LOGGED_OUT,
  /** A request was refused for missing or invalid credentials (HTTP 401). */
  ACCESS_DENIED_401,
  /** An authenticated caller was refused (HTTP 403, or 404 for an object it does not own). */
  ACCESS_DENIED_403,
  /** A request was refused by a rate limit (HTTP 429). */
  RATE_LIMITED,
  /**
   * The rate-limit store did not answer: the request was refused (a limit that fails closed, HTTP 503) or let
   * through uncounted (a limit that fails open).
   */
  RATE_LIMIT_STORE_UNAVAILABLE,
  /** An API key was created. */
  API_KEY_CREATED,
  /** An API key was revoked. */
  API_KEY_REVOKED,
  /** An API key was refused (unknown, wrong, revoked or expired). */
  API_KEY_REJECTED,
  /** A TOTP second factor was enrolled (confirmed). */
  MFA_ENROLLED,
  /** A TOTP second factor was turned off. */
  MFA_DISABLED,
  /** A second-factor check failed (wrong, replayed or missing code). */
  MFA_FAILED,
  /** A recovery code was spent. */
  MFA_RECOVERY_CODE_USED,
  /** A password was changed or reset. */
  PASSWORD_CHANGED
}
