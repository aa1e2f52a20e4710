package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.server.ServerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rate limits from @RateLimited over HTTP (OWASP API4, API2 brute force), on both servers. */
class RateLimitTest {

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void overTheLimitIs429WithRetryAfterAndRateLimitHeaders(ServerKind kind) {
    for (int i = 0; i < 3; i++) {
      Http.Response ok = Http.get(kind, "/api/limits/tight");
      assertEquals(200, ok.status());
      assertEquals("\"LimitsApi.tight.1\";q=3;w=3600", ok.header("RateLimit-Policy").orElse(null));
      assertTrue(ok.header("RateLimit").orElseThrow().startsWith("\"LimitsApi.tight.1\";r=" + (2 - i) + ";t="),
          ok.header("RateLimit").orElse(null));
    }
    Http.Response refused = Http.get(kind, "/api/limits/tight");
    problem(refused, 429);
    long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
    // greedy refill: 3 per hour comes back one token every 20 minutes, so the next request is possible in 1200 s
    assertTrue(retryAfter > 1100 && retryAfter <= 1200, "Retry-After " + retryAfter);
    assertTrue(refused.header("RateLimit").orElseThrow().contains(";r=0;"), refused.header("RateLimit").orElse(null));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void burstAndSustainedLimitsBothHold(ServerKind kind) {
    Http.Response first = Http.get(kind, "/api/limits/burst");
    assertEquals(200, first.status());
    assertEquals("\"LimitsApi.burst.1\";q=2;w=1, \"LimitsApi.burst.2\";q=5;w=3600",
        first.header("RateLimit-Policy").orElse(null), "both limits are listed");
    assertTrue(first.header("RateLimit").orElseThrow()
        .matches("\"LimitsApi.burst.1\";r=1;t=\\d+, \"LimitsApi.burst.2\";r=4;t=\\d+"), first.header("RateLimit").orElse(null));
    assertEquals(200, Http.get(kind, "/api/limits/burst").status());
    Http.Response refused = Http.get(kind, "/api/limits/burst");
    problem(refused, 429);
    assertEquals("1", refused.header("Retry-After").orElse(null));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void sixtyFourConcurrentClientsGetExactlyTheCapacity(ServerKind kind) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        calls.add(() -> Http.get(kind, "/api/limits/exact").status());
      }
      int allowed = 0;
      int refused = 0;
      for (Future<Integer> f : pool.invokeAll(calls)) {
        int status = f.get();
        if (status == 200) {
          allowed++;
        } else if (status == 429) {
          refused++;
        }
      }
      assertEquals(20, allowed);
      assertEquals(44, refused);
      assertEquals(20, Servers.LIMITS.get(kind).exactCalls.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void rotatingForwardedForFromAnUntrustedPeerBuysNothing(ServerKind kind) {
    assertEquals(200, Http.send(kind, "GET", "/api/limits/spoofed", null, null, "X-Forwarded-For", "203.0.113.1").status());
    assertEquals(200, Http.send(kind, "GET", "/api/limits/spoofed", null, null, "X-Forwarded-For", "203.0.113.2").status());
    for (int i = 3; i < 8; i++) {
      problem(Http.send(kind, "GET", "/api/limits/spoofed", null, null, "X-Forwarded-For", "203.0.113." + i,
          "Forwarded", "for=198.51.100." + i), 429);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void perCallerLimitsAreSeparate(ServerKind kind) {
    String alice = "Bearer " + Auth.login("alice-" + kind, "user").accessToken();
    String bob = "Bearer " + Auth.login("bob-" + kind, "user").accessToken();
    assertEquals(200, Http.send(kind, "GET", "/api/limits/mine", null, null, "Authorization", alice).status());
    assertEquals(200, Http.send(kind, "GET", "/api/limits/mine", null, null, "Authorization", alice).status());
    problem(Http.send(kind, "GET", "/api/limits/mine", null, null, "Authorization", alice), 429);
    assertEquals(200, Http.send(kind, "GET", "/api/limits/mine", null, null, "Authorization", bob).status());
    problem(Http.get(kind, "/api/limits/mine"), 401);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void onlyFailedLoginsCount(ServerKind kind) {
    String right = "{\"email\":\"Carol@Example.com\",\"password\":\"right horse battery\"}";
    String wrong = "{\"email\":\"carol@example.com\",\"password\":\"wrong\"}";
    for (int i = 0; i < 6; i++) {
      assertEquals(200, Http.send(kind, "POST", "/api/limits/login", "application/json", right).status(),
          "a successful login used up the failure bucket");
    }
    for (int i = 0; i < 3; i++) {
      problem(Http.send(kind, "POST", "/api/limits/login", "application/json", wrong), 401);
    }
    Http.Response blocked = Http.send(kind, "POST", "/api/limits/login", "application/json", right);
    problem(blocked, 429);
    assertNotNull(blocked.header("Retry-After").orElse(null));
    assertEquals(200, Http.send(kind, "POST", "/api/limits/login", "application/json",
        "{\"email\":\"dave@example.com\",\"password\":\"right horse battery\"}").status(), "another account was blocked");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theTierClaimPicksTheLimitsAndEveryOtherCallerGetsTheDefault(ServerKind kind) {
    String free = "Bearer " + Auth.signHs256(Auth.claims("free-" + kind).withClaim("plan", "free"));
    String pro = "Bearer " + Auth.signHs256(Auth.claims("pro-" + kind).withClaim("plan", "pro"));
    String odd = "Bearer " + Auth.signHs256(Auth.claims("odd-" + kind).withClaim("plan", "pro\"; q=9"));
    for (String caller : new String[] {free, odd}) {
      assertEquals(200, Http.send(kind, "GET", "/api/limits/tiered", null, null, "Authorization", caller).status());
      Http.Response second = Http.send(kind, "GET", "/api/limits/tiered", null, null, "Authorization", caller);
      assertEquals(200, second.status());
      assertEquals("\"LimitsApi.tiered.1\";q=2;w=3600", second.header("RateLimit-Policy").orElse(null));
      problem(Http.send(kind, "GET", "/api/limits/tiered", null, null, "Authorization", caller), 429);
    }
    for (int i = 0; i < 4; i++) {
      Http.Response ok = Http.send(kind, "GET", "/api/limits/tiered", null, null, "Authorization", pro);
      assertEquals(200, ok.status(), "pro request " + (i + 1));
      assertEquals("\"LimitsApi.tiered.2\";q=4;w=3600", ok.header("RateLimit-Policy").orElse(null));
    }
    problem(Http.send(kind, "GET", "/api/limits/tiered", null, null, "Authorization", pro), 429);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aNamedLimitIsOneBucketAcrossItsEndpoints(ServerKind kind) {
    assertEquals(200, Http.get(kind, "/api/limits/shared-a").status());
    assertEquals(200, Http.get(kind, "/api/limits/shared-b").status());
    Http.Response third = Http.get(kind, "/api/limits/shared-a");
    assertEquals(200, third.status());
    assertEquals("\"conformance.shared\";q=3;w=3600", third.header("RateLimit-Policy").orElse(null));
    problem(Http.get(kind, "/api/limits/shared-b"), 429);
    problem(Http.get(kind, "/api/limits/shared-a"), 429);
  }
}
