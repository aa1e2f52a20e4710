package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.ratelimit.LocalRateLimiter;
import dev.bulwark.ratelimit.clientip.ClientIpResolver;
import dev.bulwark.runtime.limits.RateLimits;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.RouteSet;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server-wide protections in front of every route (OWASP API4): the per-client ceiling before routing and
 * authentication, keyed by the socket peer or, behind a trusted proxy only, the forwarded client; and the bound on
 * requests in progress. Each test starts its own server, on both server kinds.
 */
class ServerLimitsTest {
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  private static RouteSet routes(CountDownLatch entered, CountDownLatch release) {
    return () -> List.of(
        Route.of("GET", "/ok", "Test.ok", call -> call.respondEmpty(204)),
        Route.of("GET", "/block", "Test.block", call -> {
          entered.countDown();
          release.await(10, TimeUnit.SECONDS);
          call.respondEmpty(204);
        }));
  }

  private static BulwarkServer start(ServerKind kind, ServerSettings settings) {
    return start(kind, settings, NEVER, NEVER);
  }

  private static BulwarkServer start(ServerKind kind, ServerSettings settings, CountDownLatch entered,
      CountDownLatch release) {
    return BulwarkServer.start(kind, settings.port(0).shutdownGrace(Duration.ZERO), routes(entered, release));
  }

  private static Http.Response get(BulwarkServer server, String path, String... headers) {
    return Http.sendTo(server.baseUrl(), "GET", path, null, null, headers);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theCeilingCountsEveryRequestBeforeRoutingAndAuthentication(ServerKind kind) {
    try (BulwarkServer server = start(kind, ServerSettings.defaults().clientCeiling(5, "1h"))) {
      problem(get(server, "/no-such-route"), 404);
      problem(get(server, "/no-such-route", "Authorization", "Bearer guess-1"), 404);
      assertEquals(204, get(server, "/ok").status());
      assertEquals(204, get(server, "/ok", "Authorization", "Bearer guess-2").status());
      assertEquals(204, get(server, "/ok").status());
      Http.Response refused = get(server, "/ok");
      problem(refused, 429);
      assertEquals("\"server.client\";q=5;w=3600", refused.header("RateLimit-Policy").orElse(null));
      long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
      // 5 per hour refills one every 12 minutes
      assertTrue(retryAfter > 600 && retryAfter <= 720, "Retry-After " + retryAfter);
      problem(get(server, "/no-such-route"), 429);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theCeilingIsOnByDefaultAndCanBeTurnedOff(ServerKind kind) {
    assertEquals(ServerSettings.DEFAULT_CLIENT_CEILING, ServerSettings.defaults().clientCeiling());
    try (BulwarkServer server = start(kind, ServerSettings.defaults().noClientCeiling())) {
      for (int i = 0; i < 20; i++) {
        assertEquals(204, get(server, "/ok").status());
      }
      assertTrue(get(server, "/ok").header("RateLimit").isEmpty(), "no ceiling, no ceiling headers");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void rotatingForwardedForFromAnUntrustedPeerBuysNothingAtTheCeiling(ServerKind kind) {
    try (BulwarkServer server = start(kind, ServerSettings.defaults().clientCeiling(2, "1h"))) {
      assertEquals(204, get(server, "/ok", "X-Forwarded-For", "203.0.113.1").status());
      assertEquals(204, get(server, "/ok", "X-Forwarded-For", "203.0.113.2", "Forwarded", "for=203.0.113.2").status());
      for (int i = 3; i < 10; i++) {
        problem(get(server, "/ok", "X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=198.51.100." + i), 429);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void behindATrustedProxyTheForwardedClientIsKeyed(ServerKind kind) {
    RateLimits limits = RateLimits.builder().store(LocalRateLimiter.builder().maximumKeys(1000).build())
        .clientIps(ClientIpResolver.builder().trustedProxies("127.0.0.1/32").build()).build();
    try (BulwarkServer server = start(kind, ServerSettings.defaults().limits(limits).clientCeiling(2, "1h"))) {
      assertEquals(204, get(server, "/ok", "X-Forwarded-For", "203.0.113.7").status());
      // A client-supplied entry to the left of the proxy's is the client's own claim: the proxy's entry counts.
      assertEquals(204, get(server, "/ok", "X-Forwarded-For", "198.51.100.1, 203.0.113.7").status());
      problem(get(server, "/ok", "X-Forwarded-For", "198.51.100.2, 203.0.113.7"), 429);
      assertEquals(204, get(server, "/ok", "X-Forwarded-For", "203.0.113.8").status(), "another client has its own bucket");
      // Hops inside the trusted network are skipped: the client is the rightmost untrusted address.
      problem(get(server, "/ok", "X-Forwarded-For", "203.0.113.7, 127.0.0.1"), 429);
      // A proxy that adds a header line of its own rather than extending the client's: the last line counts.
      problem(get(server, "/ok", "X-Forwarded-For", "198.51.100.3", "X-Forwarded-For", "203.0.113.7"), 429);
      // Malformed values fall back to the peer (127.0.0.1), which has a bucket of its own.
      assertEquals(204, get(server, "/ok", "X-Forwarded-For", "not-an-address").status());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void ipv6ClientsInOneSlash56ShareABucket(ServerKind kind) {
    RateLimits limits = RateLimits.builder()
        .clientIps(ClientIpResolver.builder().trustedProxies("127.0.0.1/32").build()).build();
    try (BulwarkServer server = start(kind, ServerSettings.defaults().limits(limits).clientCeiling(2, "1h"))) {
      assertEquals(204, get(server, "/ok", "X-Forwarded-For", "2001:db8:1:100::1").status());
      assertEquals(204, get(server, "/ok", "X-Forwarded-For", "2001:db8:1:1ff:ffff::2").status());
      problem(get(server, "/ok", "X-Forwarded-For", "2001:db8:1:142::99"), 429);
      assertEquals(204, get(server, "/ok", "X-Forwarded-For", "2001:db8:1:200::1").status(), "the next /56 is another client");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void pastTheBoundOnRequestsInProgressTheAnswerIs503AtOnce(ServerKind kind) throws Exception {
    CountDownLatch entered = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (BulwarkServer server = start(kind, ServerSettings.defaults().maxConcurrentRequests(2), entered, release)) {
      HttpRequest block = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/block"))
          .timeout(Duration.ofSeconds(20)).build();
      CompletableFuture<HttpResponse<Void>> first = client.sendAsync(block, HttpResponse.BodyHandlers.discarding());
      CompletableFuture<HttpResponse<Void>> second = client.sendAsync(block, HttpResponse.BodyHandlers.discarding());
      assertTrue(entered.await(10, TimeUnit.SECONDS), "two requests in progress");
      Http.Response refused = get(server, "/ok");
      problem(refused, 503);
      assertEquals("1", refused.header("Retry-After").orElse(null));
      release.countDown();
      assertEquals(204, first.get(20, TimeUnit.SECONDS).statusCode());
      assertEquals(204, second.get(20, TimeUnit.SECONDS).statusCode());
      assertEquals(204, get(server, "/ok").status(), "permits come back when requests finish");
    } finally {
      release.countDown();
    }
  }
}
