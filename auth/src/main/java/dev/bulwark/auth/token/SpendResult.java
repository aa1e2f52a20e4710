package dev.bulwark.auth.token;

import java.util.Optional;

/**
 * The outcome of presenting a refresh token to {@link TokenStore#spend(String)}.
 *
 * @param status what happened
 * @param grant the stored grant, when one was found
 */
public record SpendResult(Status status, Optional<RefreshGrant> grant) {

  /** What happened to the presented refresh token. */
  public enum Status {
    /** It was active and is now spent; the caller may mint the next pair in the same family. */
    SPENT,
    /** It had already been spent: a replay. The store has revoked its whole family in the same step. */
    REUSED,
    /** Its family was revoked (logout, an earlier reuse) or is no longer known. */
    REVOKED,
    /** It, or its family, has expired. */
    EXPIRED,
    /** No such token. */
    UNKNOWN
  }

  /** A result with no grant. */
  public static SpendResult of(Status status) {
    return new SpendResult(status, Optional.empty());
  }

  /** A result for a found grant. */
  public static SpendResult of(Status status, RefreshGrant grant) {
    return new SpendResult(status, Optional.of(grant));
  }
}
