package dev.bulwark.auth.jwt;

/**
 * Access-token ids ({@code jti}) revoked before their expiry, for example by logout. The verifier asks it about
 * every token that passed all other checks; {@code dev.bulwark.auth.token.TokenStore} implements it.
 */
@FunctionalInterface
public interface JtiDenylist {

  /** Whether the token with this {@code jti} has been revoked. Must be fast and thread-safe. */
  boolean isDenied(String jti);
}
