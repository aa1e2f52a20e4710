package dev.bulwark.auth.audit;

/** How the audited action ended. */
public enum AuditOutcome {
  /** The action was allowed and completed. */
  SUCCESS,
  /** The action was attempted and failed (a wrong password, a bad code). */
  FAILURE,
  /** The action was refused by policy (401, 403, 429, lockout). */
  DENIED
}
