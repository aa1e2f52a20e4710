package dev.bulwark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bulwark.testsupport.RedisProcess;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A private redis-server on a free port, stopped and started under a running limiter. */
class RedisOutageTest {

  private static final LimitSpec CLOSED = LimitSpec.of("closed", 100, "1h");
  private static final LimitSpec OPEN = LimitSpec.of("open", 100, "1h").withStoreFailurePolicy(StoreFailurePolicy.FAIL_OPEN);

  private RedisProcess redis;

  @BeforeEach
  void setUp() throws Exception {
    redis = RedisProcess.start();
    redis.stop(); // each test starts it when it wants it up
  }

  @AfterEach
  void tearDown() throws Exception {
    redis.stop();
  }

  @Test
  void policiesHoldWhileRedisIsDownAndServiceRecoversWhenItIsBack() throws Exception {
    redis.startAgain();
    try (RedisRateLimiter limiter = limiter()) {
      assertHealthy(limiter.tryConsume(CLOSED, "k"));
      assertHealthy(limiter.tryConsume(OPEN, "k"));

      redis.stop();
      Decision closed = eventually(() -> limiter.tryConsume(CLOSED, "k"), Decision::storeUnavailable);
      assertFalse(closed.allowed(), "FAIL_CLOSED refuses");
      assertEquals(3, closed.retryAfterSeconds());
      Decision open = limiter.tryConsume(OPEN, "k");
      assertTrue(open.storeUnavailable());
      assertTrue(open.allowed(), "FAIL_OPEN lets through");
      assertTrue(limiter.peek(CLOSED, "k").storeUnavailable());
      limiter.refund(CLOSED, "k", 1); // swallowed, no exception

      redis.startAgain();
      Decision back = eventually(() -> limiter.tryConsume(CLOSED, "k"), d -> !d.storeUnavailable());
      assertHealthy(back);
      assertHealthy(limiter.tryConsume(OPEN, "k"));
    }
  }

  @Test
  void aLimiterStartedWhileRedisIsDownConnectsLater() throws Exception {
    try (RedisRateLimiter limiter = limiter()) {
      Decision down = limiter.tryConsume(CLOSED, "k");
      assertTrue(down.storeUnavailable());
      assertFalse(down.allowed());
      redis.startAgain();
      assertHealthy(eventually(() -> limiter.tryConsume(CLOSED, "k"), d -> !d.storeUnavailable()));
    }
  }

  @Test
  void aHungRedisIsCutOffByTheCommandTimeout() throws Exception {
    redis.startAgain();
    try (RedisRateLimiter limiter = limiter()) {
      assertHealthy(limiter.tryConsume(CLOSED, "k"));
      redis.freeze(); // Redis keeps the connection open but answers nothing
      try {
        Decision closed = limiter.tryConsume(CLOSED, "k");
        assertTrue(closed.storeUnavailable(), "the command timed out instead of waiting for Redis");
        assertFalse(closed.allowed());
        Decision open = limiter.tryConsume(OPEN, "k");
        assertTrue(open.storeUnavailable());
        assertTrue(open.allowed());
      } finally {
        redis.thaw();
      }
      assertHealthy(eventually(() -> limiter.tryConsume(CLOSED, "k"), d -> !d.storeUnavailable()));
    }
  }

  private RedisRateLimiter limiter() {
    return RedisRateLimiter.builder(redis.uri())
        .connectTimeout(Duration.ofMillis(300))
        .commandTimeout(Duration.ofMillis(300))
        .reconnectInterval(Duration.ofMillis(200))
        .failClosedRetryAfter(Duration.ofSeconds(3))
        .build();
  }

  private static void assertHealthy(Decision decision) {
    assertFalse(decision.storeUnavailable());
    assertTrue(decision.allowed());
  }

  // Waits for a state change that takes a reconnect; bounded, and asserts the outcome rather than the time.
  private static Decision eventually(Supplier<Decision> call, Predicate<Decision> done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Decision last = null;
    while (System.nanoTime() < deadline) {
      last = call.get();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    fail("state did not change within 20 s; last decision " + last);
    return last;
  }
}
