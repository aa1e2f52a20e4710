package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bulwark.conformance.fixture.Limits;
import dev.bulwark.conformance.fixture.LimitsApi_Routes;
import dev.bulwark.ratelimit.LimitSpec;
import dev.bulwark.ratelimit.RedisRateLimiter;
import dev.bulwark.ratelimit.clientip.ClientIpResolver;
import dev.bulwark.runtime.limits.RateLimits;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import dev.bulwark.testsupport.RedisProcess;
import dev.bulwark.testsupport.Services;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Redis-backed limits over HTTP: exact under 64 concurrent clients, exact across two server instances sharing one
 * Redis, and an outage of a private redis-server mid-run, where each limit's declared policy holds (fail closed:
 * 503 with Retry-After; fail open: served), nothing answers 500, and service recovers by itself. Skips without
 * Redis on 127.0.0.1:6379 (fails under BULWARK_REQUIRE_SERVICES=1).
 */
class RedisLimitsTest {
  private static final String REDIS = "redis://127.0.0.1:6379";

  /** A namespace of its own per run, so a rerun within the hour starts from full buckets. */
  private static String namespace() {
    return "bulwark-ct:" + Long.toHexString(System.nanoTime());
  }

  private static RateLimits redisLimits(String url, String namespace) {
    return RateLimits.builder()
        .store(RedisRateLimiter.builder(url).namespace(namespace).connectTimeout(Duration.ofMillis(300))
            .commandTimeout(Duration.ofMillis(300)).reconnectInterval(Duration.ofMillis(200))
            .failClosedRetryAfter(Duration.ofSeconds(3)).build())
        .clientIps(ClientIpResolver.builder().build()).build();
  }

  private static BulwarkServer start(ServerKind kind, Limits impl, RateLimits limits) throws InterruptedException {
    // Requests count once the store answers: a limit that fails closed answers 503 until then, and a first
    // connection that timed out (a loaded machine) is retried when a check notices, as this one does.
    LimitSpec probe = LimitSpec.of("test.probe", 1_000_000, "1s");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (limits.store().tryConsume(probe, "probe").storeUnavailable() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return BulwarkServer.start(kind, ServerSettings.defaults().port(0).shutdownGrace(Duration.ZERO).noClientCeiling(),
        new LimitsApi_Routes(impl, Auth.SECURITY, limits));
  }

  /** 64 requests released together over 64 threads, spread over the servers; returns {200s, 429s}. */
  private static int[] flood(String path, BulwarkServer... servers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        BulwarkServer target = servers[i % servers.length];
        calls.add(() -> {
          go.await();
          return Http.sendTo(target.baseUrl(), "GET", path, null, null).status();
        });
      }
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> call : calls) {
        futures.add(pool.submit(call));
      }
      go.countDown();
      int[] counts = new int[2];
      for (Future<Integer> f : futures) {
        int status = f.get(60, TimeUnit.SECONDS);
        if (status == 200) {
          counts[0]++;
        } else if (status == 429) {
          counts[1]++;
        } else {
          fail("unexpected status " + status);
        }
      }
      return counts;
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void sixtyFourConcurrentClientsGetExactlyTheCapacityOnRedis(ServerKind kind) throws Exception {
    Services.requireRedis();
    Limits impl = new Limits();
    try (RateLimits limits = redisLimits(REDIS, namespace()); BulwarkServer server = start(kind, impl, limits)) {
      int[] counts = flood("/api/limits/closed", server);
      assertEquals(20, counts[0], "admitted");
      assertEquals(44, counts[1], "refused");
      assertEquals(20, impl.closedCalls.get());
      Http.Response refused = Http.sendTo(server.baseUrl(), "GET", "/api/limits/closed", null, null);
      problem(refused, 429);
      assertTrue(refused.header("RateLimit").orElseThrow().contains(";r=0;"), refused.header("RateLimit").orElse(null));
    }
  }

  @Test
  void twoServerInstancesSharingRedisAdmitExactlyTheCapacityBetweenThem() throws Exception {
    Services.requireRedis();
    String namespace = namespace();
    Limits jdkImpl = new Limits();
    Limits javalinImpl = new Limits();
    try (RateLimits jdkLimits = redisLimits(REDIS, namespace); RateLimits javalinLimits = redisLimits(REDIS, namespace);
        BulwarkServer jdk = start(ServerKind.JDK, jdkImpl, jdkLimits);
        BulwarkServer javalin = start(ServerKind.JAVALIN, javalinImpl, javalinLimits)) {
      int[] counts = flood("/api/limits/closed", jdk, javalin);
      assertEquals(20, counts[0], "admitted by both instances together");
      assertEquals(20, jdkImpl.closedCalls.get() + javalinImpl.closedCalls.get());
      assertTrue(jdkImpl.closedCalls.get() > 0 && javalinImpl.closedCalls.get() > 0, "both instances served some");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void redisStoppedMidRunKeepsEachLimitsPolicyAndRecovers(ServerKind kind) throws Exception {
    RedisProcess redis = RedisProcess.start();
    try (RateLimits limits = redisLimits(redis.uri(), namespace());
        BulwarkServer server = start(kind, new Limits(), limits)) {
      assertEquals(200, get(server, "/api/limits/closed").status());
      assertEquals(200, get(server, "/api/limits/open").status());

      redis.stop();
      for (int i = 0; i < 5; i++) {
        Http.Response closed = get(server, "/api/limits/closed");
        problem(closed, 503);
        assertEquals("3", closed.header("Retry-After").orElse(null));
        assertEquals(200, get(server, "/api/limits/open").status(), "a fail-open limit serves while Redis is down");
        Http.Response unlimited = get(server, "/api/limits/no-such-route");
        assertNotEquals(500, unlimited.status());
      }

      redis.startAgain();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      int status;
      do {
        status = get(server, "/api/limits/closed").status();
        assertNotEquals(500, status);
        if (status != 200) {
          Thread.sleep(100);
        }
      } while (status != 200 && System.nanoTime() < deadline);
      assertEquals(200, status, "service came back by itself when Redis did");
    } finally {
      redis.stop();
    }
  }

  private static Http.Response get(BulwarkServer server, String path) {
    return Http.sendTo(server.baseUrl(), "GET", path, null, null);
  }
}
