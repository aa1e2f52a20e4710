package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.hardened;
import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.server.ServerKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Routing on both servers: matches, precedence, 404, 405 with Allow, HEAD, TRACE, method overrides. */
class RoutingTest {

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void getByPathVariable(ServerKind kind) {
    Http.Response r = Http.get(kind, "/api/things/7");
    assertEquals(200, r.status(), r.body());
    hardened(r);
    assertEquals("application/json", r.header("Content-Type").orElse(null));
    assertEquals("{\"id\":7,\"name\":\"thing-7\",\"count\":1}", r.body());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void literalSegmentBeatsVariable(ServerKind kind) {
    Http.Response r = Http.get(kind, "/api/things/search?q=x");
    assertEquals(200, r.status(), r.body());
    assertEquals("x", r.json().get(0).path("name").asText());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void inheritedGenericEndpoint(ServerKind kind) {
    Http.Response r = Http.get(kind, "/api/generic/5");
    assertEquals(200, r.status(), r.body());
    assertEquals("generic", r.json().path("name").asText());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void unknownPathIs404Problem(ServerKind kind) {
    problem(Http.get(kind, "/api/nothing/here"), 404);
    problem(Http.get(kind, "/api/things/7/extra"), 404);
    problem(Http.get(kind, "/api/things/7/"), 404);
    problem(Http.get(kind, "/"), 404);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void wrongMethodIs405WithAllow(ServerKind kind) {
    Http.Response r = Http.send(kind, "POST", "/api/things/7", "application/json", "{}");
    problem(r, 405);
    assertEquals("DELETE, GET, HEAD, PATCH, PUT", r.header("Allow").orElse(null));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void traceAndOptionsAreRefused(ServerKind kind) {
    problem(Http.send(kind, "TRACE", "/api/things/7", null, null), 405);
    problem(Http.send(kind, "OPTIONS", "/api/things/7", null, null), 405);
    problem(Http.send(kind, "TRACE", "/nowhere", null, null), 404);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void headIsServedByGetWithoutBody(ServerKind kind) {
    Http.Response r = Http.send(kind, "HEAD", "/api/things/7", null, null);
    assertEquals(200, r.status());
    hardened(r);
    assertEquals(0, r.raw().body().length);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void methodOverrideHeadersAreIgnored(ServerKind kind) {
    int before = count("delete");
    for (String header : new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
      Http.Response r = Http.send(kind, "POST", "/api/things/7", "application/json", "{}", header, "DELETE");
      problem(r, 405);
    }
    Http.Response get = Http.send(kind, "GET", "/api/things/7", null, null, "X-HTTP-Method-Override", "DELETE");
    assertEquals(200, get.status());
    assertEquals(before, count("delete"), "an override header reached the DELETE handler");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void deleteAndStatusAnnotations(ServerKind kind) {
    Http.Response deleted = Http.send(kind, "DELETE", "/api/things/3", null, null);
    assertEquals(204, deleted.status());
    hardened(deleted);
    assertEquals(0, deleted.raw().body().length);
    Http.Response created = Http.send(kind, "POST", "/api/things", "application/json",
        "{\"name\":\"n\",\"count\":2,\"active\":true,\"tags\":[]}");
    assertEquals(201, created.status(), created.body());
    assertEquals("n", created.json().path("name").asText());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void optionalResultEmptyIs404(ServerKind kind) {
    assertEquals(200, Http.get(kind, "/api/things/find/6f1c2a8e-1d2b-4c3d-9e4f-5a6b7c8d9e0f").status());
    problem(Http.get(kind, "/api/things/find/00000000-0000-0000-0000-000000000000"), 404);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void scalarResult(ServerKind kind) {
    Http.Response r = Http.get(kind, "/api/things/count");
    assertEquals(200, r.status());
    assertEquals("3", r.body());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void throwingImplementationIsScrubbed500(ServerKind kind) {
    Http.Response r = Http.get(kind, "/api/things/boom");
    problem(r, 500);
    assertFalse(r.body().contains("password"), r.body());
    assertFalse(r.body().contains("IllegalState"), r.body());
    assertTrue(count("boom") > 0);
  }

  private static int count(String call) {
    return (int) Servers.THINGS.calls.stream().filter(call::equals).count();
  }
}
