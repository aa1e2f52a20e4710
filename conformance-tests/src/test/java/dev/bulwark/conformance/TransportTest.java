package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.server.ServerKind;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Header limits and slow clients, on both servers, partly over raw sockets. */
class TransportTest {

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void oversizedHeaderIs431(ServerKind kind) {
    Http.Response r = Http.send(kind, "GET", "/api/things/7", null, null, "X-Big", "a".repeat(10_000));
    problem(r, 431);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void tooManyHeadersIs431(ServerKind kind) throws IOException {
    StringBuilder request = new StringBuilder("GET /api/things/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
    for (int i = 0; i < 150; i++) {
      request.append("X-H").append(i).append(": v\r\n");
    }
    request.append("\r\n");
    String response = RawHttp.exchange(kind, request.toString(), 5000);
    assertEquals(431, RawHttp.status(response), response);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void rawRequestGetsRequestIdAndHeaders(ServerKind kind) throws IOException {
    String response = RawHttp.exchange(kind, "GET /api/things/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5000);
    assertEquals(200, RawHttp.status(response), response);
    assertTrue(response.toLowerCase().contains("x-request-id: "), response);
    assertTrue(response.toLowerCase().contains("x-content-type-options: nosniff"), response);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void slowClientIsCutOff(ServerKind kind) throws IOException {
    long start = System.nanoTime();
    String response = RawHttp.trickle(kind, "GET /api/things/7 HTTP/1.1\r\nHost: x\r\nX-Slow: ", 15_000);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    // The server must end the exchange itself (with a 408, or by closing), well before the client's own timeout.
    assertTrue(!response.contains("<<read timed out>>"), "server kept a slow client: " + response);
    assertTrue(seconds < 14, "took " + seconds + " s");
    if (RawHttp.status(response) > 0) {
      assertEquals(408, RawHttp.status(response), response);
    }
  }
}
