package dev.bulwark.auth.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where API key records live. Implementations must be thread-safe; {@link #insert} and {@link #revoke} must be
 * atomic. A JDBC implementation keeps one row per record with {@code key_id} as the primary key.
 */
public interface ApiKeyStore {

  /** Stores {@code record}; returns false, storing nothing, when its key id is already taken. */
  boolean insert(ApiKeyRecord record);

  /** The record with {@code keyId}, revoked and expired ones included. */
  Optional<ApiKeyRecord> find(String keyId);

  /** The owner's records, oldest first. */
  List<ApiKeyRecord> findByOwner(String ownerId);

  /** Marks the key revoked at {@code at}; returns false when there is no such key or it was already revoked. */
  boolean revoke(String keyId, Instant at);
}
