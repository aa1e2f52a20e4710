package dev.bulwark.auth.token.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** Skip-or-fail rules for the machine's real PostgreSQL and Redis, and unique names per run. */
final class Services {

  static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String POSTGRES_USER = "postgres";
  static final String REDIS_URI = "redis://127.0.0.1:6379/0";

  private Services() {}

  /** Skips the test (fails it under BULWARK_REQUIRE_SERVICES=1) when nothing listens on the port. */
  static void requireListening(String what, int port) {
    if (!listening(port)) {
      unavailable(what + " is not reachable at 127.0.0.1:" + port);
    }
  }

  static void unavailable(String message) {
    if ("1".equals(System.getenv("BULWARK_REQUIRE_SERVICES"))) {
      fail(message + " and BULWARK_REQUIRE_SERVICES=1");
    }
    Assumptions.abort(message + "; skipped (set BULWARK_REQUIRE_SERVICES=1 to fail instead)");
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A table prefix no other run uses: {@code bwt_<12 hex>_}. */
  static String uniqueTablePrefix() {
    return "bwt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
  }
}
