package dev.bulwark.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule every test that needs a real service follows: when the service is missing the test is skipped with a
 * message that says so, unless {@code BULWARK_REQUIRE_SERVICES=1} (which {@code .ci/run} sets), which makes it fail.
 */
public final class Services {
  /** The machine's PostgreSQL (trust authentication, database {@code test}). */
  public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  /** The user the tests connect to PostgreSQL as. */
  public static final String POSTGRES_USER = "postgres";
  /** The machine's Redis. */
  public static final String REDIS_URI = "redis://127.0.0.1:6379";

  private Services() {}

  /** Whether missing services fail the tests instead of skipping them. */
  public static boolean required() {
    return "1".equals(System.getenv("BULWARK_REQUIRE_SERVICES"));
  }

  /** Skips the test (fails it under {@code BULWARK_REQUIRE_SERVICES=1}) when nothing listens on the port. */
  public static void requireListening(String what, int port) {
    if (!listening(port)) {
      unavailable(what + " is not reachable at 127.0.0.1:" + port);
    }
  }

  /** Redis on 127.0.0.1:6379, or the test is skipped (failed when services are required). */
  public static void requireRedis() {
    requireListening("Redis", 6379);
  }

  /** PostgreSQL on 127.0.0.1:5432, or the test is skipped (failed when services are required). */
  public static void requirePostgres() {
    requireListening("PostgreSQL", 5432);
  }

  /** Skips the test with the message, or fails it when services are required. */
  public static void unavailable(String message) {
    if (required()) {
      fail(message + " and BULWARK_REQUIRE_SERVICES=1");
    }
    Assumptions.abort(message + "; skipped (set BULWARK_REQUIRE_SERVICES=1 to fail instead)");
  }

  /** Whether something accepts connections on 127.0.0.1 at the port (within half a second). */
  public static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A port free on the loopback interface now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
