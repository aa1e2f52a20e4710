package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.conformance.fixture.ThingsApi_Routes;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.transport.CorsPolicy;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CORS on both servers: an allowed origin gets {@code Access-Control-Allow-Origin}, another origin never does, every
 * response says {@code Vary: Origin}, a preflight is answered before routing without running the implementation
 * (with and without credentials), a wildcard with credentials stops the server at start, and with CORS off no CORS
 * header is ever sent.
 */
class CorsTest {
  private static final String APP = "https://app.example.com";

  private static TransportServers.Started withCredentials(ServerKind kind) {
    return TransportServers.get("cors-credentials", kind, s -> s.cors(CorsPolicy.allowOrigins(APP, "http://localhost:3000")
        .allowMethods("GET", "POST", "DELETE").allowHeaders("Content-Type", "Authorization", "X-Trace")
        .exposeHeaders("X-Request-Id").allowCredentials(true).maxAge(Duration.ofMinutes(10))));
  }

  private static TransportServers.Started withoutCredentials(ServerKind kind) {
    return TransportServers.get("cors-open", kind, s -> s.cors(CorsPolicy.allowOrigins("*").allowMethods("GET", "DELETE")));
  }

  private static RawResponse send(TransportServers.Started s, String method, String path, String... headers) throws IOException {
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
    for (int i = 0; i < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    return RawResponse.parse(RawHttp.exchange(s.server().port(), request.append("\r\n").toString(), 5000));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void allowedOriginIsAllowed(ServerKind kind) throws IOException {
    RawResponse r = send(withCredentials(kind), "GET", "/api/things/7", "Origin", APP);
    assertEquals(200, r.status(), r.text());
    assertEquals(APP, r.header("Access-Control-Allow-Origin").orElse(null));
    assertEquals("true", r.header("Access-Control-Allow-Credentials").orElse(null));
    assertEquals("x-request-id", r.header("Access-Control-Expose-Headers").orElse(null));
    assertEquals("Origin", r.header("Vary").orElse(null));
    assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(null));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void otherOriginGetsNoAllowOrigin(ServerKind kind) throws IOException {
    for (String origin : new String[] {"https://evil.example", "https://app.example.com.evil.example", "null",
        "https://APP.example.com:443", "http://app.example.com"}) {
      RawResponse r = send(withCredentials(kind), "GET", "/api/things/7", "Origin", origin);
      assertEquals(200, r.status(), r.text());
      assertTrue(r.header("Access-Control-Allow-Origin").isEmpty(), origin + ": " + r.text());
      assertTrue(r.header("Access-Control-Allow-Credentials").isEmpty(), r.text());
      assertEquals("Origin", r.header("Vary").orElse(null), r.text());
    }
    RawResponse noOrigin = send(withCredentials(kind), "GET", "/api/things/7");
    assertEquals("Origin", noOrigin.header("Vary").orElse(null), noOrigin.text());
    assertTrue(noOrigin.header("Access-Control-Allow-Origin").isEmpty(), noOrigin.text());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void errorsCarryCorsHeadersToo(ServerKind kind) throws IOException {
    RawResponse r = send(withCredentials(kind), "GET", "/api/things/nope/more", "Origin", APP);
    r.assertProblem(404);
    assertEquals(APP, r.header("Access-Control-Allow-Origin").orElse(null));
    assertEquals("Origin", r.header("Vary").orElse(null));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void preflightWithCredentialsIsAnsweredWithoutTheImplementation(ServerKind kind) throws IOException {
    TransportServers.Started s = withCredentials(kind);
    int before = s.things().calls.size();
    RawResponse r = send(s, "OPTIONS", "/api/things/3", "Origin", APP, "Access-Control-Request-Method", "DELETE",
        "Access-Control-Request-Headers", "authorization, x-trace");
    assertEquals(204, r.status(), r.text());
    assertEquals(APP, r.header("Access-Control-Allow-Origin").orElse(null));
    assertEquals("true", r.header("Access-Control-Allow-Credentials").orElse(null));
    assertEquals("GET, POST, DELETE", r.header("Access-Control-Allow-Methods").orElse(null));
    assertEquals("content-type, authorization, x-trace", r.header("Access-Control-Allow-Headers").orElse(null));
    assertEquals("600", r.header("Access-Control-Max-Age").orElse(null));
    assertTrue(r.header("Vary").orElse("").startsWith("Origin"), r.text());
    assertTrue(r.header("X-Request-Id").isPresent(), r.text());
    assertEquals(before, s.things().calls.size(), "a preflight reached the implementation");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void preflightWithoutCredentials(ServerKind kind) throws IOException {
    TransportServers.Started s = withoutCredentials(kind);
    int before = s.things().calls.size();
    RawResponse r = send(s, "OPTIONS", "/api/things/3", "Origin", "https://any.example", "Access-Control-Request-Method", "DELETE");
    assertEquals(204, r.status(), r.text());
    assertEquals("*", r.header("Access-Control-Allow-Origin").orElse(null));
    assertTrue(r.header("Access-Control-Allow-Credentials").isEmpty(), r.text());
    assertEquals(before, s.things().calls.size(), "a preflight reached the implementation");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void refusedPreflightsGetNoAllowHeaders(ServerKind kind) throws IOException {
    TransportServers.Started s = withCredentials(kind);
    String[][] refused = {
      {"https://evil.example", "GET", "content-type"},
      {APP, "PUT", "content-type"},
      {APP, "GET", "x-unknown"},
    };
    for (String[] c : refused) {
      RawResponse r = send(s, "OPTIONS", "/api/things/3", "Origin", c[0], "Access-Control-Request-Method", c[1],
          "Access-Control-Request-Headers", c[2]);
      r.assertProblem(403);
      assertTrue(r.header("Access-Control-Allow-Origin").isEmpty(), r.text());
      assertTrue(r.header("Access-Control-Allow-Methods").isEmpty(), r.text());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void wildcardWithCredentialsIsRefusedAtStart(ServerKind kind) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> BulwarkServer.start(kind,
        Servers.settings().cors(CorsPolicy.allowOrigins("*").allowCredentials(true)), new ThingsApi_Routes(Servers.THINGS)));
    assertTrue(e.getMessage().contains("allowCredentials"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void offByDefault(ServerKind kind) throws IOException {
    RawResponse r = RawResponse.parse(RawHttp.exchange(kind, "GET /api/things/7 HTTP/1.1\r\nHost: x\r\nOrigin: " + APP
        + "\r\nConnection: close\r\n\r\n", 5000));
    assertEquals(200, r.status(), r.text());
    for (String[] header : r.headers()) {
      assertFalse(header[0].toLowerCase().startsWith("access-control-"), r.text());
      assertFalse(header[0].equalsIgnoreCase("Vary"), r.text());
    }
    RawResponse preflight = RawResponse.parse(RawHttp.exchange(kind, "OPTIONS /api/things/7 HTTP/1.1\r\nHost: x\r\nOrigin: "
        + APP + "\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n", 5000));
    preflight.assertProblem(405);
  }
}
