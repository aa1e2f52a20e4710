package dev.bulwark.security;

import dev.bulwark.testsupport.Services;
import io.lettuce.core.RedisClient;

/**
 * Redis databases of the suite's own (13 for the JDK server, 14 for Javalin), emptied before a sample starts on one:
 * limits keyed by the client address would otherwise carry over from the previous test class or run, since every
 * request of the suite comes from 127.0.0.1.
 */
final class RedisDatabases {
  private RedisDatabases() {}

  /** Empties the database and returns its URL. */
  static String fresh(int database) {
    String url = Services.REDIS_URI + "/" + database;
    RedisClient client = RedisClient.create(url);
    try (var connection = client.connect()) {
      connection.sync().flushdb();
    } finally {
      client.shutdown();
    }
    return url;
  }

  /** How many keys the database holds. */
  static long keys(int database) {
    RedisClient client = RedisClient.create(Services.REDIS_URI + "/" + database);
    try (var connection = client.connect()) {
      return connection.sync().dbsize();
    } finally {
      client.shutdown();
    }
  }
}
