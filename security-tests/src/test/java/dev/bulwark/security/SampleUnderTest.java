package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.data.BlindIndex;
import dev.bulwark.data.ColumnCipher;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.sample.Main;
import dev.bulwark.testsupport.Services;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sample app started in this JVM on 127.0.0.1 and a free port, for one {@link Config}: on PostgreSQL in a schema
 * of its own (dropped at close), with a fixed JWT secret so the suite can forge tokens, and an admin account created
 * the documented way ({@code --admin-email} and {@code BULWARK_ADMIN_PASSWORD}). On PostgreSQL the limits and refresh
 * tokens are in Redis ({@code BULWARK_REDIS_URL}), in a database of the suite's own that is emptied first.
 */
final class SampleUnderTest implements AutoCloseable {
  static final byte[] JWT_SECRET = "the security suite's HS256 secret, 32 bytes or more".getBytes(StandardCharsets.US_ASCII);
  static final String ISSUER = "bulwark-sample";
  static final String AUDIENCE = "bulwark-sample-api";
  static final String ADMIN_EMAIL = "admin@example.com";
  static final String ADMIN_PASSWORD = "violet harbour lanterns drift slowly";
  private static final AtomicInteger USERS = new AtomicInteger();

  final Config config;
  final BulwarkServer server;
  final Http http;
  private final String schema;

  private SampleUnderTest(Config config, BulwarkServer server, String schema) {
    this.config = config;
    this.server = server;
    this.schema = schema;
    this.http = new Http(server.baseUrl());
    Oracle.secret(ADMIN_PASSWORD);
  }

  static SampleUnderTest start(Config config) {
    Map<String, String> env = new HashMap<>();
    env.put("BULWARK_JWT_SECRET", Base64.getEncoder().encodeToString(JWT_SECRET));
    env.put("BULWARK_ADMIN_PASSWORD", ADMIN_PASSWORD);
    String schema = null;
    if (config.store() == Config.Store.POSTGRESQL) {
      Services.requireListening("PostgreSQL", 5432);
      schema = createSchema();
      env.put("BULWARK_DB_URL", Services.POSTGRES_URL + "?currentSchema=" + schema);
      env.put("BULWARK_DB_USER", Services.POSTGRES_USER);
      env.put("BULWARK_DATA_KEYSET", ColumnCipher.newJsonKeyset());
      env.put("BULWARK_INDEX_KEYSET", BlindIndex.newJsonKeyset());
      Services.requireListening("Redis", 6379);
      env.put("BULWARK_REDIS_URL", RedisDatabases.fresh(redisDatabase(config)));
    }
    BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, config.server(), ADMIN_EMAIL), env);
    return new SampleUnderTest(config, server, schema);
  }

  /** The Redis database a PostgreSQL configuration keeps its limits and refresh tokens in. */
  static int redisDatabase(Config config) {
    return config.server() == ServerKind.JDK ? 13 : 14;
  }

  /** The PostgreSQL URL the sample was given, or null on H2. */
  String jdbcUrl() {
    return schema == null ? null : Services.POSTGRES_URL + "?currentSchema=" + schema;
  }

  int port() {
    return server.port();
  }

  /** A new account, registered and logged in over HTTP. */
  User newUser(String name) {
    // A random token in the address: a password that contains part of the address is refused as user data.
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    USERS.incrementAndGet();
    String password = Oracle.secret("amber otter crosses the quiet river " + USERS.get());
    Http.Reply registered = http.post("/api/auth/register",
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"" + name + "\"}");
    assertEquals(201, registered.status(), registered.body());
    User user = new User(registered.json().path("id").asText(), email, password, null, null);
    return login(user);
  }

  /** The admin created at start, logged in. */
  User admin() {
    return login(new User(null, ADMIN_EMAIL, ADMIN_PASSWORD, null, null));
  }

  User login(User user) {
    Http.Reply r = http.post("/api/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"" + user.password() + "\"}");
    assertEquals(200, r.status(), r.body());
    JsonNode tokens = r.json();
    return new User(user.id(), user.email(), user.password(), tokens.path("accessToken").asText(),
        tokens.path("refreshToken").asText());
  }

  @Override
  public void close() {
    server.stop();
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(Services.POSTGRES_URL, Services.POSTGRES_USER, null);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE"); // a generated constant name, never input
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop the test schema " + schema, e);
      }
    }
  }

  private static String createSchema() {
    String name = "security_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(Services.POSTGRES_URL, Services.POSTGRES_USER, null);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      Services.unavailable("PostgreSQL at 127.0.0.1:5432 refused user postgres (SQLState " + e.getSQLState() + ")");
    }
    return name;
  }

  /** An account and, once logged in, its tokens. */
  record User(String id, String email, String password, String accessToken, String refreshToken) {
    String[] bearer() {
      return new String[] {"Authorization", "Bearer " + accessToken};
    }
  }
}
