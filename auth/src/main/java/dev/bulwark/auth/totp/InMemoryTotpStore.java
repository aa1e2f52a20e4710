package dev.bulwark.auth.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A thread-safe {@link TotpStore} in memory; every update is one atomic {@code compute} on the account. */
public final class InMemoryTotpStore implements TotpStore {

  private final ConcurrentMap<String, TotpRecord> records = new ConcurrentHashMap<>();

  @Override
  public Optional<TotpRecord> find(String accountId) {
    return Optional.ofNullable(records.get(accountId));
  }

  @Override
  public void save(TotpRecord record) {
    records.put(record.accountId(), record);
  }

  @Override
  public boolean markStepUsed(String accountId, long step) {
    AtomicBoolean advanced = new AtomicBoolean();
    records.computeIfPresent(accountId, (id, r) -> {
      if (step <= r.lastUsedStep()) {
        return r;
      }
      advanced.set(true);
      return r.withLastUsedStep(step);
    });
    return advanced.get();
  }

  @Override
  public boolean useRecoveryCode(String accountId, String codeHash) {
    AtomicBoolean used = new AtomicBoolean();
    byte[] wanted = codeHash.getBytes(StandardCharsets.US_ASCII);
    records.computeIfPresent(accountId, (id, r) -> {
      List<String> left = new ArrayList<>();
      for (String hash : r.recoveryCodeHashes()) {
        // Every stored hash is compared, in constant time, whatever matches.
        if (MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), wanted) && !used.get()) {
          used.set(true);
        } else {
          left.add(hash);
        }
      }
      return used.get() ? r.withRecoveryCodeHashes(left) : r;
    });
    return used.get();
  }

  @Override
  public void delete(String accountId) {
    records.remove(accountId);
  }
}
