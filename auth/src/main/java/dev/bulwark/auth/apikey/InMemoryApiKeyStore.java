package dev.bulwark.auth.apikey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A thread-safe {@link ApiKeyStore} in memory, for tests, samples and single-instance services. */
public final class InMemoryApiKeyStore implements ApiKeyStore {

  private final ConcurrentMap<String, ApiKeyRecord> records = new ConcurrentHashMap<>();

  @Override
  public boolean insert(ApiKeyRecord record) {
    return records.putIfAbsent(record.keyId(), record) == null;
  }

  @Override
  public Optional<ApiKeyRecord> find(String keyId) {
    return Optional.ofNullable(records.get(keyId));
  }

  @Override
  public List<ApiKeyRecord> findByOwner(String ownerId) {
    return records.values().stream()
        .filter(r -> r.ownerId().equals(ownerId))
        .sorted(Comparator.comparing(ApiKeyRecord::createdAt).thenComparing(ApiKeyRecord::keyId))
        .toList();
  }

  @Override
  public boolean revoke(String keyId, Instant at) {
    AtomicBoolean changed = new AtomicBoolean();
    records.computeIfPresent(keyId, (id, r) -> {
      if (r.revoked()) {
        return r;
      }
      changed.set(true);
      return r.revokedAt(at);
    });
    return changed.get();
  }
}
