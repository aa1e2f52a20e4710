package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.runtime.server.ServerKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every parameter source and type, valid and invalid, on both servers. */
class BindingTest {
  private static final String TYPED = "/api/things/typed/SMALL?i=-5&l=9000000000&b=true&d=2.5&date=2026-12-04&s=7&c=z";

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void everyTypeBinds(ServerKind kind) {
    Http.Response r = Http.send(kind, "GET", TYPED + "&at=2026-12-04T10:15:30Z&uuid=6f1c2a8e-1d2b-4c3d-9e4f-5a6b7c8d9e0f"
        + "&big=12.50&n=1&n=2&n=3", null, null, "X-Trace", "abc");
    assertEquals(200, r.status(), r.body());
    JsonNode j = r.json();
    assertEquals("SMALL", j.path("kind").asText());
    assertEquals(-5, j.path("i").asInt());
    assertEquals(9_000_000_000L, j.path("l").asLong());
    assertEquals(true, j.path("b").asBoolean());
    assertEquals(2.5, j.path("d").asDouble());
    assertEquals("2026-12-04", j.path("date").asText());
    assertEquals("2026-12-04T10:15:30Z", j.path("at").asText());
    assertEquals("6f1c2a8e-1d2b-4c3d-9e4f-5a6b7c8d9e0f", j.path("uuid").asText());
    assertEquals("abc", j.path("trace").asText());
    assertTrue(r.body().contains("\"big\":12.50"), r.body());
    assertEquals("[1,2,3]", j.path("numbers").toString());
    assertEquals(7, j.path("s").asInt());
    assertEquals("z", j.path("c").asText());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void optionalParametersMayBeAbsent(ServerKind kind) {
    Http.Response r = Http.get(kind, TYPED);
    assertEquals(200, r.status(), r.body());
    assertEquals("null", r.json().path("at").toString());
    assertEquals("[]", r.json().path("numbers").toString());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void percentEncodedValuesAreDecoded(ServerKind kind) {
    Http.Response r = Http.get(kind, "/api/things/search?q=a%20b%2Bc+d&tag=%C3%A9");
    assertEquals(200, r.status(), r.body());
    assertEquals("a b+c d", r.json().get(0).path("name").asText());
    assertEquals(1, r.json().get(0).path("count").asInt());
    assertEquals(200, Http.get(kind, "/api/things/%37").status());
  }

  static Stream<Arguments> badParameters() {
    return Stream.of(
        Arguments.of("/api/things/abc", "path.id"),
        Arguments.of("/api/things/99999999999999999999", "path.id"),
        Arguments.of("/api/things/typed/HUGE?i=1&l=1&b=true&d=1&date=2026-01-01&s=1&c=x", "path.kind"),
        Arguments.of("/api/things/typed/small?i=1&l=1&b=true&d=1&date=2026-01-01&s=1&c=x", "path.kind"),
        Arguments.of(TYPED.replace("i=-5", "i=1.5"), "query.i"),
        Arguments.of(TYPED.replace("i=-5", "i="), "query.i"),
        Arguments.of(TYPED.replace("i=-5", "i=%201"), "query.i"),
        Arguments.of(TYPED.replace("i=-5&", ""), "query.i"),
        Arguments.of(TYPED.replace("b=true", "b=yes"), "query.b"),
        Arguments.of(TYPED.replace("b=true", "b=TRUE"), "query.b"),
        Arguments.of(TYPED.replace("d=2.5", "d=NaN"), "query.d"),
        Arguments.of(TYPED.replace("d=2.5", "d=Infinity"), "query.d"),
        Arguments.of(TYPED.replace("d=2.5", "d=0x1p3"), "query.d"),
        Arguments.of(TYPED.replace("date=2026-12-04", "date=04/12/2026"), "query.date"),
        Arguments.of(TYPED.replace("s=7", "s=70000"), "query.s"),
        Arguments.of(TYPED.replace("c=z", "c=zz"), "query.c"),
        Arguments.of(TYPED + "&uuid=1-1-1-1-1", "query.uuid"),
        Arguments.of(TYPED + "&at=yesterday", "query.at"),
        Arguments.of(TYPED + "&n=1&n=two", "query.n"),
        Arguments.of(TYPED + "&i=6", "query.i"),
        Arguments.of("/api/things/search", "query.q"),
        Arguments.of("/api/things/search?q=%C3", "query"));
  }

  @ParameterizedTest
  @MethodSource("badParameters")
  void badParameterIs400NamingTheFieldOnJdk(String path, String field) {
    badParameter(ServerKind.JDK, path, field);
  }

  @ParameterizedTest
  @MethodSource("badParameters")
  void badParameterIs400NamingTheFieldOnJavalin(String path, String field) {
    badParameter(ServerKind.JAVALIN, path, field);
  }

  private static void badParameter(ServerKind kind, String path, String field) {
    Http.Response r = Http.get(kind, path);
    JsonNode body = problem(r, 400);
    assertEquals(field, body.path("errors").get(0).path("field").asText(), r.body());
    assertFalse(r.body().contains("HUGE") || r.body().contains("yesterday") || r.body().contains("two"), r.body());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void malformedEscapesAre400(ServerKind kind) throws java.io.IOException {
    for (String target : new String[] {"/api/things/search?q=%zz", "/api/things/%zz", "/api/things/search?q=%C3%28"}) {
      String response = RawHttp.exchange(kind, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5000);
      assertEquals(400, RawHttp.status(response), target + " -> " + response);
      // The JDK HttpServer refuses a request line that is not a valid URI itself, before any handler runs, with a
      // bare 400 and no body; everywhere else the 400 is a problem response.
      boolean refusedByJdkParser = kind == ServerKind.JDK && target.contains("%zz");
      if (!refusedByJdkParser) {
        assertTrue(response.contains("application/problem+json"), response);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void tooManyQueryParametersIs400(ServerKind kind) {
    StringBuilder q = new StringBuilder("/api/things/search?q=x");
    for (int i = 0; i < 150; i++) {
      q.append("&p").append(i).append("=1");
    }
    problem(Http.get(kind, q.toString()), 400);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void tooManyListValuesIs400(ServerKind kind) {
    StringBuilder q = new StringBuilder("/api/things/search?q=x");
    for (int i = 0; i < 99; i++) {
      q.append("&tag=").append(i);
    }
    assertEquals(200, Http.get(kind, q.toString()).status());
    q.append("&tag=a&tag=b");
    problem(Http.get(kind, q.toString()), 400);
  }
}
