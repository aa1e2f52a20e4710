package dev.bulwark.auth.token.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.auth.token.RefreshGrant;
import dev.bulwark.auth.token.TokenStore;
import dev.bulwark.auth.token.TokenStoreContract;
import dev.bulwark.testsupport.Services;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on {@link RedisTokenStore} over the machine's Redis (a unique key prefix per test,
 * deleted afterwards), a second store on its own connection standing for another instance; and its TTLs.
 */
class RedisTokenStoreTest extends TokenStoreContract {

  static RedisClient admin;
  static StatefulRedisConnection<String, String> adminConnection;
  final List<RedisTokenStore> opened = new ArrayList<>();
  String prefix;

  @BeforeAll
  static void connect() {
    Services.requireListening("Redis", 6379);
    admin = RedisClient.create(Services.REDIS_URI);
    adminConnection = admin.connect();
  }

  @AfterAll
  static void disconnect() {
    if (adminConnection != null) {
      adminConnection.close();
      admin.shutdown();
    }
  }

  @AfterEach
  void cleanUp() {
    opened.forEach(RedisTokenStore::close);
    List<String> keys = keys();
    if (!keys.isEmpty()) {
      adminConnection.sync().del(keys.toArray(String[]::new));
    }
  }

  @Override
  protected TokenStore newStore(Clock clock) {
    prefix = "bulwark-test:" + UUID.randomUUID() + ":";
    return open(clock);
  }

  @Override
  protected TokenStore otherInstance(Clock clock) {
    return open(clock);
  }

  private RedisTokenStore open(Clock clock) {
    RedisTokenStore s = RedisTokenStore.builder(Services.REDIS_URI).keyPrefix(prefix).clock(clock).build();
    opened.add(s);
    return s;
  }

  private List<String> keys() {
    List<String> keys = new ArrayList<>();
    ScanIterator.scan(adminConnection.sync(), ScanArgs.Builder.matches(prefix + "*").limit(500))
        .forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void everyKeyIsNamespacedAndExpiresWithItsRecord() {
    Instant now = now();
    store.save(new RefreshGrant("h1", "f1", "user", Set.of("user"), Set.of(), now.plus(Duration.ofMinutes(10)),
        now.plus(Duration.ofMinutes(40))));
    store.save(new RefreshGrant("h2", "f1", "user", Set.of("user"), Set.of(), now.plus(Duration.ofMinutes(10)),
        now.plus(Duration.ofMinutes(40))));
    store.spend("h1");
    store.spend("h1"); // reuse: the family key is written again
    store.deny("j1", now.plus(Duration.ofMinutes(5)));
    store.revokeFamily("never-saved"); // must not create a key without a TTL
    RedisCommands<String, String> redis = adminConnection.sync();
    List<String> keys = keys();
    assertEquals(Set.of(prefix + "g:h1", prefix + "g:h2", prefix + "f:f1", prefix + "d:j1"), Set.copyOf(keys));
    assertTtl(redis.pttl(prefix + "g:h1"), Duration.ofMinutes(10));
    assertTtl(redis.pttl(prefix + "g:h2"), Duration.ofMinutes(10));
    assertTtl(redis.pttl(prefix + "f:f1"), Duration.ofMinutes(40));
    assertTtl(redis.pttl(prefix + "d:j1"), Duration.ofMinutes(5));
  }

  @Test
  void aGrantWhoseSessionEndsFirstExpiresWithTheSession() {
    Instant now = now();
    store.save(new RefreshGrant("h", "f", "user", Set.of(), Set.of(), now.plus(Duration.ofHours(2)),
        now.plus(Duration.ofHours(1))));
    assertTtl(adminConnection.sync().pttl(prefix + "g:h"), Duration.ofHours(1));
  }

  private static void assertTtl(long pttlMillis, Duration expected) {
    // The key lives no longer than its record, and not much shorter (the test's own time runs meanwhile).
    assertTrue(pttlMillis > 0 && pttlMillis <= expected.toMillis(), "pttl " + pttlMillis + " for " + expected);
    assertTrue(pttlMillis > expected.toMillis() - 60_000, "pttl " + pttlMillis + " for " + expected);
  }
}
