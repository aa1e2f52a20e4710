package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bulwark.runtime.server.ServerKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Strict JSON bodies on both servers: every lenient reading a parser might allow is a 400. */
class JsonStrictnessTest {
  private static final String VALID = "{\"name\":\"n\",\"count\":2,\"active\":true,\"tags\":[\"a\"]}";

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("unknown property", "{\"name\":\"n\",\"count\":2,\"active\":true,\"tags\":[],\"role\":\"admin\"}"),
        Arguments.of("duplicate key", "{\"name\":\"n\",\"name\":\"m\",\"count\":2,\"active\":true,\"tags\":[]}"),
        Arguments.of("string for int", "{\"name\":\"n\",\"count\":\"2\",\"active\":true,\"tags\":[]}"),
        Arguments.of("float for int", "{\"name\":\"n\",\"count\":2.5,\"active\":true,\"tags\":[]}"),
        Arguments.of("int for string", "{\"name\":5,\"count\":2,\"active\":true,\"tags\":[]}"),
        Arguments.of("int for boolean", "{\"name\":\"n\",\"count\":2,\"active\":1,\"tags\":[]}"),
        Arguments.of("string for boolean", "{\"name\":\"n\",\"count\":2,\"active\":\"true\",\"tags\":[]}"),
        Arguments.of("null for primitive", "{\"name\":\"n\",\"count\":null,\"active\":true,\"tags\":[]}"),
        Arguments.of("trailing tokens", VALID + " {}"),
        Arguments.of("trailing garbage", VALID + "x"),
        Arguments.of("huge number", "{\"name\":\"n\",\"count\":" + "9".repeat(100) + ",\"active\":true,\"tags\":[]}"),
        Arguments.of("overflowing int", "{\"name\":\"n\",\"count\":99999999999,\"active\":true,\"tags\":[]}"),
        Arguments.of("deep nesting", "{\"name\":\"n\",\"count\":2,\"active\":true,\"tags\":" + "[".repeat(200) + "]".repeat(200) + "}"),
        Arguments.of("malformed", "{\"name\":\"n\","),
        Arguments.of("single quotes", "{'name':'n','count':2,'active':true,'tags':[]}"),
        Arguments.of("comments", "{/* c */\"name\":\"n\",\"count\":2,\"active\":true,\"tags\":[]}"),
        Arguments.of("not an object", "[1,2]"),
        Arguments.of("null document", "null"),
        Arguments.of("empty", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badBodyIs400OnJdk(String name, String body) {
    bad(ServerKind.JDK, body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badBodyIs400OnJavalin(String name, String body) {
    bad(ServerKind.JAVALIN, body);
  }

  private static void bad(ServerKind kind, String body) {
    int before = Servers.THINGS.calls.size();
    Http.Response r = Http.send(kind, "POST", "/api/things", "application/json", body);
    problem(r, 400);
    assertFalse(r.body().contains("admin") || r.body().contains("role"), "echoed input: " + r.body());
    assertEquals(before, Servers.THINGS.calls.size(), "the implementation ran on a bad body");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void fieldPathNamesWhereTheDocumentWentWrong(ServerKind kind) {
    Http.Response r = Http.send(kind, "POST", "/api/things", "application/json",
        "{\"name\":\"n\",\"count\":2,\"active\":true,\"tags\":[\"a\",5]}");
    assertEquals("body.tags[1]", problem(r, 400).path("errors").get(0).path("field").asText());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void contentTypeMustBeJson(ServerKind kind) {
    problem(Http.send(kind, "POST", "/api/things", "text/plain", VALID), 415);
    problem(Http.send(kind, "POST", "/api/things", null, VALID), 415);
    problem(Http.send(kind, "POST", "/api/things", "application/json; charset=iso-8859-1", VALID), 415);
    problem(Http.send(kind, "POST", "/api/things", "application/x-www-form-urlencoded", "name=n"), 415);
    assertEquals(201, Http.send(kind, "POST", "/api/things", "application/json; charset=UTF-8", VALID).status());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void bodyOverTheLimitIs413(ServerKind kind) {
    String huge = "{\"name\":\"" + "x".repeat((1 << 20) + 10) + "\",\"count\":1,\"active\":true,\"tags\":[]}";
    problem(Http.send(kind, "POST", "/api/things", "application/json", huge), 413);
  }
}
