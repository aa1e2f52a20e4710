package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/** The machine's PostgreSQL and Redis: absent ones skip a configuration, unless BULWARK_REQUIRE_SERVICES=1. */
final class Services {
  static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String POSTGRES_USER = "postgres";
  static final String REDIS_URL = "redis://127.0.0.1:6379";

  private Services() {}

  static void require(String what, int port) {
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

  /**
   * A Redis database of the suite's own (13 for the JDK server, 14 for Javalin), emptied before a sample starts on it:
   * limits keyed by the client address would otherwise carry over from the previous test class or run, since every
   * request of the suite comes from 127.0.0.1.
   */
  static String freshRedis(int database) {
    String url = REDIS_URL + "/" + database;
    io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(url);
    try (var connection = client.connect()) {
      connection.sync().flushdb();
    } finally {
      client.shutdown();
    }
    return url;
  }

  /** How many keys the suite's Redis database holds. */
  static long redisKeys(int database) {
    io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(REDIS_URL + "/" + database);
    try (var connection = client.connect()) {
      return connection.sync().dbsize();
    } finally {
      client.shutdown();
    }
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
