package dev.bulwark.auth.token;

import java.time.Duration;
import java.util.Objects;

/**
 * An access token and its refresh token, as returned by login and refresh. {@link #toString()} redacts both.
 *
 * @param accessToken the signed JWT access token (a Bearer token)
 * @param accessTokenId the access token's {@code jti}
 * @param refreshToken the opaque refresh token; the server keeps only its hash
 * @param expiresIn the access token's lifetime from now
 */
public record TokenPair(String accessToken, String accessTokenId, String refreshToken, Duration expiresIn) {

  /** Validates the components. */
  public TokenPair {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(accessTokenId, "accessTokenId");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(expiresIn, "expiresIn");
  }

  /** The OAuth token type, {@code "Bearer"}. */
  public String tokenType() {
    return "Bearer";
  }

  /** {@link #expiresIn()} in whole seconds, for an OAuth-style {@code expires_in}. */
  public long expiresInSeconds() {
    return expiresIn.toSeconds();
  }

  @Override
  public String toString() {
    return "TokenPair[accessToken=<redacted>, refreshToken=<redacted>, expiresIn=" + expiresIn + "]";
  }
}
