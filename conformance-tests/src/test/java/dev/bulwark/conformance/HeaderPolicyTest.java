package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.conformance.fixture.ThingsApi_Routes;
import dev.bulwark.runtime.http.HeaderPolicy;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The header policy on both servers: the new defaults on every response, no HSTS on plain HTTP, and a policy of its
 * own for one route (a CSP for an endpoint that would serve HTML) that keeps every other header.
 */
class HeaderPolicyTest {
  private static final String PAGE_CSP = "default-src 'self'; frame-ancestors 'none'";

  private static TransportServers.Started perRoute(ServerKind kind) {
    return TransportServers.get("route-headers", kind, s -> s
        .headersFor("ThingsApi.get", HeaderPolicy.defaults().with("Content-Security-Policy", PAGE_CSP))
        .headersFor("ThingsApi.count", HeaderPolicy.defaults().without("X-Frame-Options")));
  }

  private static RawResponse get(int port, String path) throws IOException {
    return RawResponse.parse(RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5000));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void newDefaultsOnEveryResponse(ServerKind kind) throws IOException {
    for (String path : new String[] {"/api/things/7", "/api/nothing", "/api/%2e%2e/x"}) {
      RawResponse r = get(Servers.get(kind).port(), path);
      assertEquals("same-origin", r.header("Cross-Origin-Resource-Policy").orElse(null), r.text());
      assertEquals("same-origin", r.header("Cross-Origin-Opener-Policy").orElse(null), r.text());
      assertTrue(r.header("Permissions-Policy").orElse("").contains("camera=()"), r.text());
      assertTrue(r.header("Strict-Transport-Security").isEmpty(), "HSTS on plain HTTP: " + r.text());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void oneRouteGetsItsOwnCspAndKeepsTheRest(ServerKind kind) throws IOException {
    int port = perRoute(kind).server().port();
    RawResponse page = get(port, "/api/things/7");
    assertEquals(200, page.status(), page.text());
    assertEquals(PAGE_CSP, page.header("Content-Security-Policy").orElse(null));
    assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(null));
    assertEquals("DENY", page.header("X-Frame-Options").orElse(null));
    assertEquals("same-origin", page.header("Cross-Origin-Resource-Policy").orElse(null));
    RawResponse other = get(port, "/api/things/search?q=x");
    assertEquals("default-src 'none'; frame-ancestors 'none'", other.header("Content-Security-Policy").orElse(null));
    RawResponse count = get(port, "/api/things/count");
    assertEquals(200, count.status(), count.text());
    assertTrue(count.header("X-Frame-Options").isEmpty(), count.text());
    assertEquals("nosniff", count.header("X-Content-Type-Options").orElse(null));
    RawResponse error = get(port, "/api/things/abc");
    error.assertProblem(400);
    assertEquals(PAGE_CSP, error.header("Content-Security-Policy").orElse(null), "the route's error keeps its policy");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void unknownRouteNameStopsTheServer(ServerKind kind) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> BulwarkServer.start(kind,
        Servers.settings().headersFor("ThingApi", HeaderPolicy.defaults()), new ThingsApi_Routes(Servers.THINGS)));
    assertTrue(e.getMessage().contains("ThingApi"), e.getMessage());
  }
}
