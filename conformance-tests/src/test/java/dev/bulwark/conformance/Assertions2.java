package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks every response of the suite must pass, success or error. */
final class Assertions2 {
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
      "Referrer-Policy", "no-referrer",
      "Cache-Control", "no-store");
  private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern LEAKS = Pattern.compile(
      "(?i)(exception|\\bat [a-z]+\\.|java\\.|dev\\.bulwark|jackson|jetty|javalin|select |stack|\\.java:)");

  private Assertions2() {}

  /** A problem body without its request id, so two refusals can be compared. */
  static JsonNode withoutRequestId(JsonNode body) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = body.deepCopy();
    copy.remove("requestId");
    return copy;
  }

  /** Request id and the default security headers; no Server header with a version. */
  static void hardened(Http.Response response) {
    String id = response.header("X-Request-Id").orElseThrow(() -> new AssertionError("no X-Request-Id"));
    assertTrue(REQUEST_ID.matcher(id).matches(), "request id " + id);
    SECURITY_HEADERS.forEach((name, value) -> assertEquals(value, response.header(name).orElse(null), name));
    response.header("Server").ifPresent(server -> assertFalse(server.matches(".*\\d.*"), "Server header has a version: " + server));
  }

  /** An RFC 9457 problem with a generic title, the status, and the same request id as the header. */
  static JsonNode problem(Http.Response response, int status) {
    assertEquals(status, response.status(), response.body());
    hardened(response);
    assertEquals("application/problem+json", response.header("Content-Type").orElse(null));
    JsonNode body = response.json();
    assertEquals(status, body.path("status").asInt());
    assertEquals("about:blank", body.path("type").asText());
    assertFalse(body.path("title").asText().isEmpty());
    assertEquals(response.header("X-Request-Id").orElse(null), body.path("requestId").asText());
    assertFalse(LEAKS.matcher(response.body()).find(), "problem body leaks internals: " + response.body());
    return body;
  }
}
