package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.security.SampleUnderTest.User;
import dev.bulwark.testsupport.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Each configuration is what it says: on PostgreSQL the accounts land in the suite's own schema and the limits and
 * refresh tokens in the suite's Redis database, so the PostgreSQL runs of every class really attack PostgreSQL and
 * Redis (and not an H2 and in-memory limits a missing variable fell back to).
 */
class ConfigurationTest extends SuiteBase {
  @EveryConfig
  void theStoresAreTheOnesTheConfigurationNames(Config config) throws Exception {
    SampleUnderTest app = app(config);
    long before = config.store() == Config.Store.POSTGRESQL ? RedisDatabases.keys(SampleUnderTest.redisDatabase(config)) : 0;
    User user = app.newUser("conf");
    assertEquals(200, app.http.get("/api/posts/search?q=x").status());
    assertEquals(200, app.http.get("/api/users/me", user.bearer()).status());
    if (config.store() == Config.Store.POSTGRESQL) {
      assertTrue(RedisDatabases.keys(SampleUnderTest.redisDatabase(config)) > before,
          "no limit or refresh token reached Redis database " + SampleUnderTest.redisDatabase(config));
      try (Connection c = DriverManager.getConnection(app.jdbcUrl(), Services.POSTGRES_USER, null);
          Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM users")) {
        assertTrue(rows.next());
        assertTrue(rows.getLong(1) >= 2, "the accounts are not in the suite's PostgreSQL schema");
      }
    } else {
      assertTrue(app.jdbcUrl() == null, "an H2 configuration was given a database URL");
    }
  }
}
