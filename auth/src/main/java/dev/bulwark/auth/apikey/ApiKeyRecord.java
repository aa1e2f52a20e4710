package dev.bulwark.auth.apikey;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A stored API key: everything but the key itself, of which only a SHA-256 hash is kept.
 *
 * <p>{@link #toString()} leaves the hash out. The hash is not enough to use the key, but it is a credential
 * verifier all the same and has no business in logs or API responses.
 *
 * @param keyId the public key id (16 lower-case hex characters), also part of the key
 * @param ownerId the account the key acts for
 * @param scopes what the key may do
 * @param secretHash base64url SHA-256 of the whole key, without padding
 * @param createdAt when the key was made
 * @param expiresAt when it stops working, or null for never
 * @param revokedAt when it was revoked, or null while it is live
 */
public record ApiKeyRecord(
    String keyId,
    String ownerId,
    Set<String> scopes,
    String secretHash,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt) {

  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9:._-]{1,64}");
  /** The most scopes one key may carry. */
  public static final int MAX_SCOPES = 64;

  /** Validates and copies the components. */
  public ApiKeyRecord {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(createdAt, "createdAt");
    if (ownerId.isBlank() || ownerId.length() > 256) {
      throw new IllegalArgumentException("API key ownerId must be 1 to 256 characters and not blank");
    }
    scopes = Set.copyOf(scopes);
    if (scopes.size() > MAX_SCOPES) {
      throw new IllegalArgumentException("an API key carries at most " + MAX_SCOPES + " scopes");
    }
    for (String scope : scopes) {
      if (!SCOPE.matcher(scope).matches()) {
        throw new IllegalArgumentException("API key scopes are 1 to 64 characters of A-Z a-z 0-9 : . _ - (was \""
            + scope + "\")");
      }
    }
    if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("API key expiresAt must be after createdAt");
    }
  }

  /** Whether the key has been revoked. */
  public boolean revoked() {
    return revokedAt != null;
  }

  /** Whether the key has expired at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** This record, revoked at {@code at}; unchanged when it was already revoked. */
  public ApiKeyRecord revokedAt(Instant at) {
    return revoked() ? this : new ApiKeyRecord(keyId, ownerId, scopes, secretHash, createdAt, expiresAt, at);
  }

  @Override
  public String toString() {
    return "ApiKeyRecord[keyId=" + keyId + ", ownerId=" + ownerId + ", scopes=" + new java.util.TreeSet<>(scopes)
        + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt + ", revokedAt=" + revokedAt + "]";
  }
}
