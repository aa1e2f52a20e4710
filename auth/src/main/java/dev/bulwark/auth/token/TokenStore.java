package dev.bulwark.auth.token;

import dev.bulwark.auth.jwt.JtiDenylist;
import java.time.Instant;
import java.util.Optional;

/**
 * Storage for refresh-token families and the access-token denylist. Implementations must be thread-safe and
 * make {@link #spend(String)} atomic: of two concurrent spends of one token, exactly one sees
 * {@link SpendResult.Status#SPENT}. Bulwark ships {@link InMemoryTokenStore} and, in
 * {@code dev.bulwark.auth.token.store}, {@code JdbcTokenStore} and {@code RedisTokenStore}. A shared store that
 * cannot answer throws an unchecked exception; it never answers "not denied" or "spendable" instead.
 */
public interface TokenStore extends JtiDenylist {

  /** Stores a new, active refresh grant. A grant of an already revoked family stays revoked. */
  void save(RefreshGrant grant);

  /**
   * Atomically spends the refresh token with this hash. When it was already spent, revokes its family in the
   * same step and answers {@link SpendResult.Status#REUSED}.
   */
  SpendResult spend(String tokenHash);

  /** The grant for this hash, spent or not, while the store keeps it. */
  Optional<RefreshGrant> find(String tokenHash);

  /** Revokes every refresh token of the family, now and any rotated later. */
  void revokeFamily(String familyId);

  /** Refuses the access token with this {@code jti} until {@code until}. */
  void deny(String jti, Instant until);
}
