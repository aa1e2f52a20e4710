package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bulwark.runtime.server.ServerKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The path firewall on both servers, on raw sockets so no client library normalizes the path first: encoded dots,
 * slashes, backslashes and semicolons (any case, and double-encoded), {@code ;}, {@code //}, control characters,
 * {@code U+2028}/{@code U+2029} and non-normalized paths are each a 400 problem, and the handler never runs.
 */
class FirewallTest {

  /** Forms both servers pass to Bulwark, which refuses them with its problem. */
  static final String[] PROBLEM_FORMS = {
    "/api/%2e%2e/things/7", "/api/%2E%2E/things/7", "/api/things/%2e%2e/7", "/api/things/%2e/7", "/api/things/7%2e",
    "/api/things%2f7", "/api/things%2F7", "/api/things%5c7", "/api/things%5C7", "/api/things/%252e%252e/7",
    "/api/things/%252f7", "/api/things/%25", "/api/things/7;jsessionid=1", "/api/things;x/7", "/api/things/%3b7",
    "/api//things/7", "//api/things/7", "/api/things//7", "/api/things/7%00", "/api/things/7%0d%0aX-A:%20b",
    "/api/things/7%0a", "/api/things/7%0D", "/api/things/7%09", "/api/things/7%1b", "/api/things/7%7f",
    "/api/things/7%e2%80%a8", "/api/things/7%E2%80%A9", "/api/things/7%c2%85", "/api/./things/7", "/api/x/../things/7",
    "/api/things/7/.", "/api/things/7/..", "/api/things/./7", "/api/things/..", "/./api/things/7",
  };

  /**
   * Raw characters that cannot appear in a request target. Jetty refuses these itself (its answer goes through
   * ProblemErrorHandler, so it is a problem too); the JDK refuses them before any handler with its own bare 400 when
   * {@code java.net.URI} cannot parse the target (see docs/transport.md).
   */
  static final String[] RAW_FORMS = {
    "/api\\things/7", "/api/things/7\u0000", "/api/things/7\t", "/api/things/7\u0001", "/api/things/7\u007f",
    "/api/things/7\u2028", "/api/things/7\u2029", "/api/things/%zz",
  };

  static List<Arguments> problemForms() {
    return cross(PROBLEM_FORMS);
  }

  static List<Arguments> rawForms() {
    return cross(RAW_FORMS);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("problemForms")
  void refusedWithAProblem(ServerKind kind, String path) throws IOException {
    int before = Servers.THINGS.calls.size();
    RawResponse r = RawResponse.parse(RawHttp.exchange(kind, request(path), 5000));
    r.assertProblem(400);
    assertEquals(before, Servers.THINGS.calls.size(), "the handler ran for " + path);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rawForms")
  void rawCharactersAreRefused(ServerKind kind, String path) throws IOException {
    int before = Servers.THINGS.calls.size();
    RawResponse r = RawResponse.parse(RawHttp.exchange(kind, request(path), 5000));
    assertEquals(400, r.status(), r.text());
    if (kind == ServerKind.JAVALIN || r.header("Content-Type").orElse("").contains("problem")) {
      r.assertProblem(400);
    }
    assertEquals(before, Servers.THINGS.calls.size(), "the handler ran for " + path);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("normalForms")
  void normalPathsStillWork(ServerKind kind, String path) throws IOException {
    RawResponse r = RawResponse.parse(RawHttp.exchange(kind, request(path), 5000));
    assertEquals(200, r.status(), r.text());
  }

  static List<Arguments> normalForms() {
    return cross(new String[] {"/api/things/7", "/api/things/search?q=a%20b", "/api/things/search?q=%2e%2e%2f",
        "/api/things/find/6f1c2a8e-1d2b-4c3d-9e4f-5a6b7c8d9e0f"});
  }

  /** The request with the path's characters as UTF-8 bytes (RawHttp sends each char as one byte). */
  private static String request(String path) {
    String utf8 = new String(path.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    return "GET " + utf8 + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  }

  private static List<Arguments> cross(String[] values) {
    List<Arguments> out = new ArrayList<>();
    for (ServerKind kind : ServerKind.values()) {
      for (String value : values) {
        out.add(Arguments.of(kind, value));
      }
    }
    return out;
  }
}
