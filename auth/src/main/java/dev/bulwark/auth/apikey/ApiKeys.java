package dev.bulwark.auth.apikey;

import dev.bulwark.auth.AuthMethod;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.AuthenticationException.Reason;
import dev.bulwark.auth.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes, verifies and revokes API keys of the form {@code bwk_<keyId>_<secret>}.
 *
 * <p>The whole key is returned once, by {@link #create}; the store keeps only its SHA-256 hash. A presented
 * key is checked for shape first (a malformed one never reaches the store), then looked up by its key id and
 * compared in constant time. Only after the secret matches are revocation and expiry checked, so a caller
 * without the real key learns nothing about its state. Thread-safe.
 *
 * <pre>{@code
 * ApiKeys keys = ApiKeys.create(new InMemoryApiKeyStore(), Clock.systemUTC());
 * CreatedApiKey made = keys.create("user-42", Set.of("posts:read"), Duration.ofDays(90));
 * show(made.key());                              // once; never stored, never logged
 * Principal caller = keys.verify(headerValue);   // AuthMethod.API_KEY, the key's scopes
 * }</pre>
 */
public final class ApiKeys {

  private static final int MAX_ID_ATTEMPTS = 5;

  private final ApiKeyStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private ApiKeys(ApiKeyStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** API keys kept in {@code store}, with expiry judged by {@code clock}. */
  public static ApiKeys create(ApiKeyStore store, Clock clock) {
    return new ApiKeys(store, clock);
  }

  /** A key for {@code ownerId} with {@code scopes} that never expires. */
  public CreatedApiKey create(String ownerId, Set<String> scopes) {
    return create(ownerId, scopes, null);
  }

  /**
   * A key for {@code ownerId} with {@code scopes} that expires after {@code lifetime} (null for never).
   *
   * @throws IllegalArgumentException on a blank owner, an invalid scope or a non-positive lifetime
   */
  public CreatedApiKey create(String ownerId, Set<String> scopes, Duration lifetime) {
    if (lifetime != null && (lifetime.isZero() || lifetime.isNegative())) {
      throw new IllegalArgumentException("API key lifetime must be positive (was " + lifetime + ")");
    }
    Instant now = clock.instant();
    Instant expiresAt = lifetime == null ? null : now.plus(lifetime);
    for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
      String keyId = ApiKeyFormat.newKeyId(random);
      String key = ApiKeyFormat.newKey(keyId, random);
      ApiKeyRecord record = new ApiKeyRecord(keyId, ownerId, scopes, ApiKeyFormat.hash(key), now, expiresAt, null);
      if (store.insert(record)) {
        return new CreatedApiKey(key, record);
      }
    }
    // Five collisions of a random 64-bit id mean the store or the random source is broken.
    throw new IllegalStateException("could not allocate a unique API key id; check the ApiKeyStore");
  }

  /**
   * The principal a presented key stands for: the owner's id, method {@link AuthMethod#API_KEY}, the key's
   * scopes, no roles, and the key id as token id.
   *
   * @throws AuthenticationException {@link Reason#MALFORMED} for a key of the wrong shape (no store lookup),
   *     {@link Reason#INVALID_CREDENTIALS} for an unknown key or a wrong secret, {@link Reason#REVOKED} or
   *     {@link Reason#EXPIRED} for the real key in that state
   */
  public Principal verify(String presentedKey) throws AuthenticationException {
    return verify(presentedKey, owner -> Set.of());
  }

  /**
   * Like {@link #verify(String)}, with the principal's roles read from the owner's account by
   * {@code ownerRoles} (called only once the key is known good), for endpoints secured by role.
   */
  public Principal verify(String presentedKey, Function<String, Set<String>> ownerRoles)
      throws AuthenticationException {
    Objects.requireNonNull(ownerRoles, "ownerRoles");
    Optional<String> keyId = ApiKeyFormat.keyIdOf(presentedKey);
    if (keyId.isEmpty()) {
      throw new AuthenticationException(Reason.MALFORMED);
    }
    ApiKeyRecord record = store.find(keyId.get())
        .orElseThrow(() -> new AuthenticationException(Reason.INVALID_CREDENTIALS));
    if (!ApiKeyFormat.matches(presentedKey, record.secretHash())) {
      throw new AuthenticationException(Reason.INVALID_CREDENTIALS);
    }
    if (record.revoked()) {
      throw new AuthenticationException(Reason.REVOKED);
    }
    if (record.expiredAt(clock.instant())) {
      throw new AuthenticationException(Reason.EXPIRED);
    }
    return new Principal(record.ownerId(), ownerRoles.apply(record.ownerId()), record.scopes(), Map.of(),
        AuthMethod.API_KEY, record.keyId());
  }

  /** The owner's keys (records only, never a key), oldest first. */
  public List<ApiKeyRecord> list(String ownerId) {
    return store.findByOwner(ownerId);
  }

  /**
   * Revokes the owner's key {@code keyId}. Returns false when there is no such key, it belongs to someone
   * else, or it was already revoked, so one owner cannot probe or revoke another's keys.
   */
  public boolean revoke(String ownerId, String keyId) {
    Optional<ApiKeyRecord> record = store.find(keyId);
    if (record.isEmpty() || !record.get().ownerId().equals(ownerId)) {
      return false;
    }
    return store.revoke(keyId, clock.instant());
  }

  /** Revokes {@code keyId} whoever owns it (an administrator's action); false when absent or already revoked. */
  public boolean revokeAny(String keyId) {
    return store.revoke(keyId, clock.instant());
  }
}
