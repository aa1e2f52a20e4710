package dev.bulwark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.testsupport.Services;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the machine's Redis at 127.0.0.1:6379. */
class RedisRateLimiterTest {

  private static final String URI = "redis://127.0.0.1:6379";
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final java.util.List<String> written = new java.util.ArrayList<>();

  @BeforeEach
  void redisIsThere() {
    Services.requireListening("Redis", 6379);
  }

  // The shared Redis is not ours: remove what the test wrote instead of leaving it to the TTLs.
  @org.junit.jupiter.api.AfterEach
  void cleanUp() {
    if (written.isEmpty()) {
      return;
    }
    try (RedisClient client = RedisClient.create(URI); StatefulRedisConnection<String, String> redis = client.connect()) {
      redis.sync().del(written.toArray(String[]::new));
    }
  }

  private String track(RedisRateLimiter limiter, LimitSpec spec, String key) {
    written.add(limiter.redisKey(spec, key));
    return key;
  }

  @Test
  void sixtyFourThreadsAgainstCapacityNAdmitExactlyN() throws Exception {
    try (RedisRateLimiter limiter = RedisRateLimiter.builder(URI).namespace("bulwark-test").build()) {
      LimitSpec spec = LimitSpec.of("exact", 40, "1h");
      String key = track(limiter, spec, "k-" + run);
      int admitted = Concurrent.admitted(64, 128, () -> limiter.tryConsume(spec, key).allowed());
      assertEquals(40, admitted);
      Decision after = limiter.tryConsume(spec, key);
      assertFalse(after.allowed());
      assertFalse(after.storeUnavailable());
    }
  }

  @Test
  void twoInstancesSharingRedisAdmitExactlyNBetweenThem() throws Exception {
    try (RedisRateLimiter a = RedisRateLimiter.builder(URI).namespace("bulwark-test").build();
         RedisRateLimiter b = RedisRateLimiter.builder(URI).namespace("bulwark-test").build()) {
      LimitSpec spec = LimitSpec.of("shared", 30, "1h");
      String key = track(a, spec, "k-" + run);
      java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
      int admitted = Concurrent.admitted(64, 128,
          () -> (turn.getAndIncrement() % 2 == 0 ? a : b).tryConsume(spec, key).allowed());
      assertEquals(30, admitted);
    }
  }

  @Test
  void keysAreNamespacedAndExpire() {
    try (RedisRateLimiter limiter = RedisRateLimiter.builder(URI).namespace("bulwark-test")
            .keepAfterRefill(Duration.ofSeconds(1)).build();
         RedisClient client = RedisClient.create(URI);
         StatefulRedisConnection<String, String> redis = client.connect()) {
      LimitSpec spec = LimitSpec.of("ttl", 10, "1m");
      String key = track(limiter, spec, "user-" + run);
      Decision decision = limiter.tryConsume(spec, key);
      assertTrue(decision.allowed());
      assertEquals(9, decision.remaining());
      String redisKey = limiter.redisKey(spec, key);
      assertEquals("bulwark-test:ttl:10g1m:" + key, redisKey);
      long ttl = redis.sync().pttl(redisKey);
      // One token of ten per minute refills in 6 s; kept 1 s after that.
      assertTrue(ttl > 0 && ttl <= 7_000, "ttl " + ttl);
    }
  }

  @Test
  void peekRefundAndFailureCountingWorkOnRedis() {
    try (RedisRateLimiter limiter = RedisRateLimiter.builder(URI).namespace("bulwark-test").build()) {
      FailureCounter counter = new FailureCounter(limiter, LimitSpec.of("login", 2, "15m"));
      String key = track(limiter, counter.spec(), "acct-" + run);
      FailureCounter.Attempt ok = counter.begin(key);
      assertTrue(ok.decision().allowed());
      ok.succeeded();
      for (int i = 0; i < 2; i++) {
        FailureCounter.Attempt bad = counter.begin(key);
        assertTrue(bad.decision().allowed());
        bad.failed();
      }
      Decision blocked = counter.check(key);
      assertFalse(blocked.allowed());
      assertFalse(blocked.storeUnavailable());
      assertEquals(450, blocked.retryAfterSeconds(), 1);
    }
  }
}
