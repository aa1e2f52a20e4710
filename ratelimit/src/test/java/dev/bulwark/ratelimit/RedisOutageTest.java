package dev.bulwark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  private Path binary;
  private int port;
  private Process redis;

  @BeforeEach
  void setUp() throws Exception {
    binary = Services.requireRedisServer();
    port = Services.freePort();
  }

  @AfterEach
  void tearDown() throws Exception {
    stopRedis();
  }

  @Test
  void policiesHoldWhileRedisIsDownAndServiceRecoversWhenItIsBack() throws Exception {
    startRedis();
    try (RedisRateLimiter limiter = limiter()) {
      assertHealthy(limiter.tryConsume(CLOSED, "k"));
      assertHealthy(limiter.tryConsume(OPEN, "k"));

      stopRedis();
      Decision closed = eventually(() -> limiter.tryConsume(CLOSED, "k"), Decision::storeUnavailable);
      assertFalse(closed.allowed(), "FAIL_CLOSED refuses");
      assertEquals(3, closed.retryAfterSeconds());
      Decision open = limiter.tryConsume(OPEN, "k");
      assertTrue(open.storeUnavailable());
      assertTrue(open.allowed(), "FAIL_OPEN lets through");
      assertTrue(limiter.peek(CLOSED, "k").storeUnavailable());
      limiter.refund(CLOSED, "k", 1); // swallowed, no exception

      startRedis();
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
      startRedis();
      assertHealthy(eventually(() -> limiter.tryConsume(CLOSED, "k"), d -> !d.storeUnavailable()));
    }
  }

  @Test
  void aHungRedisIsCutOffByTheCommandTimeout() throws Exception {
    startRedis();
    try (RedisRateLimiter limiter = limiter()) {
      assertHealthy(limiter.tryConsume(CLOSED, "k"));
      signal("-STOP"); // Redis keeps the connection open but answers nothing
      try {
        Decision closed = limiter.tryConsume(CLOSED, "k");
        assertTrue(closed.storeUnavailable(), "the command timed out instead of waiting for Redis");
        assertFalse(closed.allowed());
        Decision open = limiter.tryConsume(OPEN, "k");
        assertTrue(open.storeUnavailable());
        assertTrue(open.allowed());
      } finally {
        signal("-CONT");
      }
      assertHealthy(eventually(() -> limiter.tryConsume(CLOSED, "k"), d -> !d.storeUnavailable()));
    }
  }

  private void signal(String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(redis.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill " + signal);
  }

  private RedisRateLimiter limiter() {
    return RedisRateLimiter.builder("redis://127.0.0.1:" + port)
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

  private void startRedis() throws Exception {
    redis = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no"))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Services.listening(port)) {
      if (System.nanoTime() > deadline || !redis.isAlive()) {
        fail("private redis-server did not start on port " + port);
      }
      Thread.sleep(20);
    }
  }

  private void stopRedis() throws InterruptedException {
    if (redis != null) {
      redis.destroy();
      if (!redis.waitFor(10, TimeUnit.SECONDS)) {
        redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      redis = null;
    }
  }
}
