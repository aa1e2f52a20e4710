package dev.bulwark.auth.token.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.auth.jwt.JwtKey;
import dev.bulwark.auth.jwt.JwtVerifier;
import dev.bulwark.auth.jwt.KeySet;
import dev.bulwark.auth.token.InMemoryTokenStore;
import dev.bulwark.auth.token.RefreshGrant;
import dev.bulwark.auth.token.TokenIssuer;
import dev.bulwark.auth.token.TokenPair;
import dev.bulwark.testsupport.RedisProcess;
import dev.bulwark.testsupport.Services;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** RedisTokenStore when Redis is down or goes away: it throws, it never answers "not revoked"; and its checks. */
class RedisTokenStoreFailureTest {

  static final Duration SHORT = Duration.ofMillis(300);

  @Test
  void unreachableRedisFailsEveryCallClosed() throws Exception {
    int port = Services.freePort();
    try (RedisTokenStore store = RedisTokenStore.builder("redis://127.0.0.1:" + port + "/0")
        .connectTimeout(SHORT).commandTimeout(SHORT).build()) {
      Instant later = Instant.now().plusSeconds(60);
      List<Executable> calls = List.of(() -> store.isDenied("jti-1"), () -> store.spend("hash-1"),
          () -> store.find("hash-1"), () -> store.revokeFamily("fam-1"), () -> store.deny("jti-1", later),
          () -> store.save(new RefreshGrant("hash-1", "fam-1", "u", Set.of(), Set.of(), later, later)));
      for (Executable call : calls) {
        TokenStoreUnavailableException e = assertThrows(TokenStoreUnavailableException.class, call);
        assertTrue(e.getMessage().startsWith("Redis token store unavailable during "), e.getMessage());
        assertFalse(e.getMessage().contains(String.valueOf(port)) || e.getMessage().contains("1"), e.getMessage());
      }
    }
  }

  @Test
  void aVerifierOnADownStoreNeverAcceptsAToken() throws Exception {
    byte[] secret = new SecureRandom().generateSeed(32);
    KeySet keys = KeySet.of(JwtKey.hmac("k1", JwsAlgorithm.HS256, secret));
    TokenIssuer elsewhere = TokenIssuer.builder(keys, "k1").issuer("https://auth.test").audience("api")
        .store(new InMemoryTokenStore()).build();
    TokenPair pair = elsewhere.issue("user-1", Set.of("user"));
    try (RedisTokenStore down = RedisTokenStore.builder("redis://127.0.0.1:" + Services.freePort() + "/0")
        .connectTimeout(SHORT).commandTimeout(SHORT).build()) {
      JwtVerifier verifier = JwtVerifier.builder(keys).issuer("https://auth.test").audience("api").denylist(down)
          .build();
      // Unchecked, so the HTTP layer answers 503/500: never a principal for a token that might be revoked.
      assertThrows(TokenStoreUnavailableException.class, () -> verifier.verify(pair.accessToken()));
    }
  }

  @Test
  void redisGoingAwayTurnsARevocationIntoAnErrorNotIntoAValidToken() throws Exception {
    RedisProcess redis = RedisProcess.start();
    int port = redis.port();
    try (RedisTokenStore store = RedisTokenStore.builder("redis://127.0.0.1:" + port + "/0")
        .connectTimeout(SHORT).commandTimeout(SHORT).build()) {
      store.deny("jti-1", Instant.now().plusSeconds(60));
      assertTrue(store.isDenied("jti-1"));
      // A Redis restart or SCRIPT FLUSH empties the script cache: EVALSHA falls back to EVAL.
      RedisClient admin = RedisClient.create("redis://127.0.0.1:" + port + "/0");
      try (StatefulRedisConnection<String, String> c = admin.connect()) {
        c.sync().scriptFlush();
      } finally {
        admin.shutdown();
      }
      store.deny("jti-2", Instant.now().plusSeconds(60));
      assertTrue(store.isDenied("jti-2"));

      redis.stop();
      assertThrows(TokenStoreUnavailableException.class, () -> store.isDenied("jti-1"));
      assertThrows(TokenStoreUnavailableException.class, () -> store.spend("hash"));
    } finally {
      redis.stop();
    }
  }

  @Test
  void badSettingsFailAtBuildSayingWhatToFix() {
    IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
        () -> RedisTokenStore.builder(Services.REDIS_URI).keyPrefix("has space").build());
    assertTrue(prefix.getMessage().contains("keyPrefix must match"));
    assertThrows(IllegalArgumentException.class, () -> RedisTokenStore.builder(Services.REDIS_URI).keyPrefix("").build());
    assertThrows(IllegalArgumentException.class,
        () -> RedisTokenStore.builder(Services.REDIS_URI).commandTimeout(Duration.ZERO).build());
    assertThrows(IllegalArgumentException.class,
        () -> RedisTokenStore.builder(Services.REDIS_URI).connectTimeout(Duration.ofMinutes(5)).build());
    IllegalArgumentException uri = assertThrows(IllegalArgumentException.class,
        () -> RedisTokenStore.builder("http://user:hunter2@example.com"));
    assertFalse(uri.getMessage().contains("hunter2"), uri.getMessage());
    try (RedisTokenStore unconnected = RedisTokenStore.builder(Services.REDIS_URI).build()) {
      assertEquals(RedisTokenStore.DEFAULT_PREFIX, unconnected.keyPrefix());
    }
  }

}
