package dev.bulwark.auth.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a stored refresh token grants. The token itself is never stored: only its SHA-256 hash.
 *
 * @param tokenHash the base64url SHA-256 of the refresh token
 * @param familyId the family (one login's chain of rotated refresh tokens); revoking it revokes them all
 * @param subject the principal id the tokens are minted for
 * @param roles the roles granted at login, copied into each new access token
 * @param scopes the scopes granted at login
 * @param expiresAt when this refresh token stops working
 * @param familyExpiresAt when the whole family ends, however often it rotates (an absolute session lifetime)
 */
public record RefreshGrant(
    String tokenHash,
    String familyId,
    String subject,
    Set<String> roles,
    Set<String> scopes,
    Instant expiresAt,
    Instant familyExpiresAt) {

  /** Validates and copies the components. */
  public RefreshGrant {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(familyExpiresAt, "familyExpiresAt");
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
  }

  // The hash is not secret, but there is no reason to print it either.
  @Override
  public String toString() {
    return "RefreshGrant[family=" + familyId + ", subject=" + subject + ", expiresAt=" + expiresAt + "]";
  }
}
