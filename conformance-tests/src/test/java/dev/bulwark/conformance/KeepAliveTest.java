package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bulwark.runtime.server.ServerKind;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connections are kept alive across requests with bodies, on both servers: a JSON POST that succeeds, and one that
 * is refused, each leave the connection usable for the next request (a server that closes after every body pays a
 * TCP handshake per request, and a client behind it sees resets).
 */
class KeepAliveTest {
  private static final String VALID = "{\"name\":\"n\",\"count\":2,\"active\":true,\"tags\":[\"a\"]}";
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

  private static String post(String body, boolean last) {
    return "POST /api/things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n" + (last ? "Connection: close\r\n" : "") + "\r\n" + body;
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void threeRequestsWithBodiesShareOneConnection(ServerKind kind) throws Exception {
    String response = RawHttp.exchange(kind,
        post(VALID, false) + post("{\"name\":\"n\",\"bogus\":1}", false) + post(VALID, true), 10_000);
    Matcher m = STATUS.matcher(response);
    StringBuilder statuses = new StringBuilder();
    while (m.find()) {
      statuses.append(m.group(1)).append(' ');
    }
    assertEquals("201 400 201 ", statuses.toString(), response);
    String beforeLast = response.substring(0, response.lastIndexOf("HTTP/1.1 "));
    assertFalse(beforeLast.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), beforeLast);
  }
}
