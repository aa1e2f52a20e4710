package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.server.ServerKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ambiguous framing on raw sockets, both servers: each case is a 400 and the connection is closed, and the handler
 * never runs. The requests carry no {@code Connection: close}, so a server that kept the connection would be caught
 * by the read timing out. The JDK refuses some of these before any handler with its own bare answer (a 501 for a
 * transfer coding it does not know); Jetty refuses some itself through ProblemErrorHandler (see docs/transport.md).
 */
class FramingTest {
  private static final String BODY = "{\"name\":\"n\",\"count\":2,\"active\":true,\"tags\":[]}";
  private static final String HEAD = "POST /api/things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
  private static final String CHUNKED = Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n";

  static List<Arguments> ambiguous() {
    String[][] cases = {
      {"CL and TE", "Content-Length: " + BODY.length() + "\r\nTransfer-Encoding: chunked\r\n", CHUNKED},
      {"CL after TE", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", CHUNKED},
      {"two different CL", "Content-Length: " + BODY.length() + "\r\nContent-Length: 5\r\n", BODY},
      {"two equal CL", "Content-Length: " + BODY.length() + "\r\nContent-Length: " + BODY.length() + "\r\n", BODY},
      {"CL list", "Content-Length: " + BODY.length() + ", 5\r\n", BODY},
      {"CL not a number", "Content-Length: abc\r\n", BODY},
      {"CL negative", "Content-Length: -1\r\n", BODY},
      {"CL with a plus sign", "Content-Length: +" + BODY.length() + "\r\n", BODY},
      {"CL in hex", "Content-Length: 0x2e\r\n", BODY},
      {"CL too large", "Content-Length: 99999999999999999999999\r\n", BODY},
      {"TE gzip", "Transfer-Encoding: gzip\r\n", BODY},
      {"TE gzip, chunked", "Transfer-Encoding: gzip, chunked\r\n", CHUNKED},
      {"TE chunked, identity", "Transfer-Encoding: chunked, identity\r\n", CHUNKED},
      {"TE twice", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", CHUNKED},
      {"TE xchunked", "Transfer-Encoding: xchunked\r\n", CHUNKED},
      {"space before colon", "Transfer-Encoding : chunked\r\n", CHUNKED},
      {"bad chunk size", "Transfer-Encoding: chunked\r\n", "zz\r\n" + BODY + "\r\n0\r\n\r\n"},
      {"NUL in a header value", "X-A: a\u0000b\r\nContent-Length: " + BODY.length() + "\r\n", BODY},
      {"CR in a header value", "X-A: a\rb\r\nContent-Length: " + BODY.length() + "\r\n", BODY},
    };
    List<Arguments> out = new ArrayList<>();
    for (ServerKind kind : ServerKind.values()) {
      for (String[] c : cases) {
        out.add(Arguments.of(kind, c[0], HEAD + c[1] + "\r\n" + c[2]));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("ambiguous")
  void refusedAndClosed(ServerKind kind, String name, String request) throws IOException {
    int before = Servers.THINGS.calls.size();
    RawResponse r = RawResponse.parse(RawHttp.exchange(kind, request, 5000));
    boolean jdkOwnAnswer = kind == ServerKind.JDK && r.header("Content-Type").orElse("").startsWith("text/html");
    if (jdkOwnAnswer && name.startsWith("TE")) {
      assertEquals(501, r.status(), r.text());
    } else {
      assertEquals(400, r.status(), r.text());
    }
    if (!jdkOwnAnswer) {
      r.assertProblem(400);
    }
    r.assertClosed();
    assertEquals(before, Servers.THINGS.calls.size(), "the handler ran for " + name);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void hostIsRequiredOnceOnHttp11(ServerKind kind) throws IOException {
    RawResponse none = RawResponse.parse(RawHttp.exchange(kind, "GET /api/things/7 HTTP/1.1\r\n\r\n", 5000));
    none.assertProblem(400);
    none.assertClosed();
    RawResponse two = RawResponse.parse(RawHttp.exchange(kind, "GET /api/things/7 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 5000));
    two.assertProblem(400);
    two.assertClosed();
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void wellFramedRequestsStillWork(ServerKind kind) throws IOException {
    RawResponse plain = RawResponse.parse(RawHttp.exchange(kind, HEAD + "Content-Length: " + BODY.length()
        + "\r\nConnection: close\r\n\r\n" + BODY, 5000));
    assertEquals(201, plain.status(), plain.text());
    RawResponse chunked = RawResponse.parse(RawHttp.exchange(kind, HEAD + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + CHUNKED, 5000));
    assertEquals(201, chunked.status(), chunked.text());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void parameterPollutionIs400(ServerKind kind) throws IOException {
    RawResponse r = RawResponse.parse(RawHttp.exchange(kind,
        "GET /api/things/search?q=a&q=b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5000));
    r.assertProblem(400);
    assertTrue(r.body().contains("query.q"), r.body());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void queryCountIsBounded(ServerKind kind) throws IOException {
    StringBuilder query = new StringBuilder("q=a");
    for (int i = 0; i < 100; i++) {
      query.append("&p").append(i).append("=1");
    }
    RawResponse r = RawResponse.parse(RawHttp.exchange(kind,
        "GET /api/things/search?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5000));
    r.assertProblem(400);
    assertTrue(r.body().contains("\"field\":\"query\""), r.body());
  }
}
