package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.server.ServerKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Slow clients on both servers: several connections trickle their headers a byte at a time (slowloris) and one
 * trickles its body (slow POST), each byte well inside the idle timeout. A normal client is still served while they
 * trickle, and the server cuts every slow connection itself. The request timeout is 2 s (Servers.settings()); a slow
 * connection that is still open after 25 s has not been cut.
 */
class SlowClientTest {
  private static final int SLOWLORIS = 5;
  private static final long GIVE_UP_MILLIS = 25_000;

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void slowConnectionsAreCutWhileOthersAreServed(ServerKind kind) throws Exception {
    int port = Servers.get(kind).port();
    ExecutorService pool = Executors.newFixedThreadPool(SLOWLORIS + 1);
    try {
      List<Future<Boolean>> slow = new ArrayList<>();
      for (int i = 0; i < SLOWLORIS; i++) {
        slow.add(pool.submit(() -> trickle(port, "GET /api/things/7 HTTP/1.1\r\nHost: x\r\n", "X-Slow: " + "a".repeat(200))));
      }
      String body = "{\"name\":\"" + "n".repeat(150) + "\",\"count\":2,\"active\":true,\"tags\":[]}";
      slow.add(pool.submit(() -> trickle(port, "POST /api/things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n", body)));
      Thread.sleep(500);
      for (int i = 0; i < 5; i++) {
        RawResponse r = RawResponse.parse(RawHttp.exchange(port,
            "GET /api/things/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 10_000));
        assertEquals(200, r.status(), "a normal client was not served while slow clients trickled: " + r.text());
      }
      for (Future<Boolean> f : slow) {
        assertTrue(f.get(GIVE_UP_MILLIS + 5_000, TimeUnit.MILLISECONDS), "a slow connection was never cut");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Sends the head at once, then the rest a byte every 250 ms; true when the server answered or closed before the
   * client ran out of bytes or time.
   */
  private static boolean trickle(int port, String head, String rest) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(250);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS);
      for (int i = 0; System.nanoTime() < deadline; i++) {
        try {
          if (i < rest.length()) {
            out.write(rest.charAt(i));
            out.flush();
          }
          // Read returned: the server answered (a 408 or a 400) or closed; either way it ended the exchange.
          in.read();
          return true;
        } catch (SocketTimeoutException stillOpen) {
          // The server is still waiting for us: keep trickling.
        } catch (IOException reset) {
          return true;
        }
      }
      return false;
    }
  }
}
