package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.security.Inventory.Endpoint;
import dev.bulwark.security.SampleUnderTest.User;
import java.util.List;
import java.util.Map;

/**
 * OWASP API8:2023 Security Misconfiguration, on every inventoried endpoint: the security headers on every answer
 * (errors included), no CORS grant to a foreign origin, TRACE/CONNECT/OPTIONS refused, method-override headers
 * ignored, and every error an RFC 9457 problem with a generic title, the request id, and nothing of the input.
 */
class Api8SecurityMisconfigurationTest extends SuiteBase {
  static final Map<String, String> HEADERS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
      "Referrer-Policy", "no-referrer",
      "Cache-Control", "no-store",
      "Cross-Origin-Resource-Policy", "same-origin");

  static void assertHardened(Http.Reply r) {
    HEADERS.forEach((name, value) -> assertEquals(value, r.header(name), name + " on " + r));
    assertTrue(r.header("Permissions-Policy") != null, "no Permissions-Policy on " + r);
    String server = r.header("Server");
    assertTrue(server == null || !server.matches(".*\\d.*"), "Server header shows a version: " + server);
    assertNull(r.header("X-Powered-By"), r.toString());
    assertNull(r.header("Strict-Transport-Security"), "HSTS over plain HTTP: " + r);
    if (!r.body().isEmpty()) {
      String type = r.header("Content-Type");
      assertTrue(type != null && type.matches("application/(problem\\+)?json(; ?charset=(UTF|utf)-8)?"),
          "a body with Content-Type " + type + ": " + r);
    }
  }

  static void assertProblem(Http.Reply r, int status) {
    assertEquals(status, r.status(), r.toString());
    assertEquals("application/problem+json", r.header("Content-Type"), r.toString());
    JsonNode p = r.json();
    assertEquals(status, p.path("status").asInt(), r.toString());
    assertTrue(p.path("title").isTextual() && !p.path("title").asText().isBlank(), r.toString());
    assertTrue(p.path("requestId").asText().matches("[0-9a-f]{16,64}"), r.toString());
    assertFalse(p.has("detail") && p.path("detail").asText().length() > 200, "a long detail: " + r);
  }

  @EveryConfig
  void everyEndpointAnswersWithTheSecurityHeadersAndAProblemOnError(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("mona");
    for (Endpoint e : Inventory.endpoints()) {
      Http.Reply anonymous = app.http.send(e.method(), e.concrete("1"), null);
      assertHardened(anonymous);
      if (!e.isPublic()) {
        assertProblem(anonymous, 401);
      }
      // Malformed input on every endpoint (a broken body where one is read, a non-numeric id): a 400 problem that
      // echoes none of it.
      String marker = "zq" + "x".repeat(12) + "marker";
      String path = e.path().contains("{") ? e.concrete(marker) : e.path() + "?limit=" + marker + "&q=%ff%fe";
      String body = e.method().equals("GET") || e.method().equals("DELETE") ? null : "{\"" + marker + "\": [1, 2,";
      Http.Reply broken = app.http.send(e.method(), path, body, user.bearer());
      assertHardened(broken);
      assertTrue(List.of(200, 201, 204, 400, 403, 404).contains(broken.status()), e + ": " + broken);
      if (broken.status() >= 400) {
        assertProblem(broken, broken.status());
      }
      assertFalse(broken.body().contains(marker), e + " echoes its input: " + broken);
    }
  }

  @EveryConfig
  void traceConnectOptionsAndMethodOverridesAreRefused(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("nina");
    for (Endpoint e : Inventory.endpoints()) {
      String path = e.concrete("1");
      for (String method : List.of("TRACE", "OPTIONS")) {
        Http.Reply r = app.http.send(method, path, null, user.bearer());
        assertEquals(405, r.status(), method + " " + path + ": " + r);
        assertHardened(r);
        assertFalse(r.body().contains("Bearer"), method + " reflected the request: " + r);
      }
      Raw.Response connect = Raw.exchange(app.port(), "CONNECT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Connection: close\r\n\r\n", 3000);
      assertTrue(connect.status() == 400 || connect.status() == 405, "CONNECT " + path + ": " + connect.text());
    }
    long post = app.http.post("/api/posts", "{\"title\":\"keep me\",\"body\":\"x\"}", user.bearer()).json().path("id").asLong();
    for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
      Http.Reply r = app.http.send("POST", "/api/posts/" + post, null, header, "DELETE", user.bearer()[0], user.bearer()[1]);
      assertEquals(405, r.status(), header + ": " + r);
    }
    Http.Reply overridden = app.http.send("GET", "/api/posts/" + post + "?_method=DELETE", null, user.bearer());
    assertEquals(200, overridden.status(), overridden.toString());
    assertEquals(200, app.http.get("/api/posts/" + post, user.bearer()).status(), "an override header deleted the post");
  }

  @EveryConfig
  void noCorsGrantToAForeignOrigin(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("olga");
    for (String origin : List.of("https://evil.example", "null", "http://127.0.0.1:" + app.port(), "http://localhost")) {
      Http.Reply simple = app.http.get("/api/users/me", "Origin", origin, user.bearer()[0], user.bearer()[1]);
      assertEquals(200, simple.status(), simple.toString());
      assertNull(simple.header("Access-Control-Allow-Origin"), origin + ": " + simple.raw().headers());
      assertNull(simple.header("Access-Control-Allow-Credentials"), origin);
      Http.Reply preflight = app.http.send("OPTIONS", "/api/posts", null, "Origin", origin,
          "Access-Control-Request-Method", "DELETE", "Access-Control-Request-Headers", "Authorization");
      assertNull(preflight.header("Access-Control-Allow-Origin"), origin + " preflight: " + preflight.raw().headers());
      assertNull(preflight.header("Access-Control-Allow-Methods"), origin + " preflight: " + preflight);
      assertTrue(preflight.status() == 405 || preflight.status() == 403, preflight.toString());
    }
  }

  @EveryConfig
  void aWrongContentTypeIs415AndAnUnknownAcceptIsNotAnError(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("pia");
    Http.Reply xml = app.http.send("POST", "/api/posts", "<post><title>x</title></post>", "Content-Type", "application/xml",
        user.bearer()[0], user.bearer()[1]);
    assertProblem(xml, 415);
    assertHardened(xml);
    Http.Reply form = app.http.send("POST", "/api/posts", "title=x&body=y", "Content-Type",
        "application/x-www-form-urlencoded", user.bearer()[0], user.bearer()[1]);
    assertProblem(form, 415);
  }
}
