package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A raw HTTP/1.1 response as {@link RawHttp} read it: the status line, the header lines, the body. */
record RawResponse(String text, int status, List<String[]> headers, String body) {

  static RawResponse parse(String text) {
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    List<String[]> headers = new ArrayList<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
      }
    }
    return new RawResponse(text, RawHttp.status(text), headers, body);
  }

  Optional<String> header(String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return Optional.of(h[1]);
      }
    }
    return Optional.empty();
  }

  /** The server ended the exchange itself (it closed the connection, or answered and closed). */
  boolean closedByServer() {
    return !text.contains("<<read timed out>>");
  }

  /** A Bulwark problem: the status, problem+json, a request id and the default security headers. */
  void assertProblem(int expected) {
    assertEquals(expected, status, text);
    assertEquals("application/problem+json", header("Content-Type").orElse(null), text);
    assertTrue(header("X-Request-Id").orElse("").matches("[0-9a-f]{32}"), text);
    assertEquals("nosniff", header("X-Content-Type-Options").orElse(null), text);
    assertTrue(body.startsWith("{\"type\":\"about:blank\""), text);
    assertFalse(body.toLowerCase(Locale.ROOT).contains("exception"), text);
  }

  /** The connection is closed after the response: the header says so and the server hung up. */
  void assertClosed() {
    assertEquals("close", header("Connection").map(v -> v.toLowerCase(Locale.ROOT)).orElse(null), text);
    assertTrue(closedByServer(), "the server kept the connection open: " + text);
  }
}
