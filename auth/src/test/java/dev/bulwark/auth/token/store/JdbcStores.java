package dev.bulwark.auth.token.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Pools and throw-away table sets for the JDBC tests; drops every table set it made. */
final class JdbcStores implements AutoCloseable {

  private final String url;
  private final HikariDataSource first;
  private final HikariDataSource second;
  private final List<JdbcTokenStore> made = new ArrayList<>();

  JdbcStores(String url, String user) {
    this.url = url;
    this.first = pool(url, user, "bulwark-test-a");
    this.second = pool(url, user, "bulwark-test-b");
  }

  private static HikariDataSource pool(String url, String user, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPoolName(name);
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(5_000);
    return new HikariDataSource(config);
  }

  /** A store with fresh tables under a unique prefix, on the first pool. */
  JdbcTokenStore fresh(Clock clock) {
    JdbcTokenStore store = JdbcTokenStore.builder(first).tablePrefix(uniqueTablePrefix()).clock(clock).build();
    store.createSchema();
    made.add(store);
    return store;
  }

  /** The same tables as {@code store}, through the second pool: another instance of the service. */
  JdbcTokenStore twin(JdbcTokenStore store, Clock clock) {
    String grants = store.tableNames().get(0);
    String prefix = grants.substring(0, grants.length() - "refresh_grant".length());
    return JdbcTokenStore.builder(second).tablePrefix(prefix).clock(clock).build();
  }

  String url() {
    return url;
  }

  DataSource dataSource() {
    return first;
  }

  /** Drops the tables of every store made since the last call. */
  void dropAll() throws SQLException {
    try (Connection c = first.getConnection(); Statement s = c.createStatement()) {
      for (JdbcTokenStore store : made) {
        for (String table : store.tableNames()) {
          s.execute("DROP TABLE IF EXISTS " + table);
        }
      }
    }
    made.clear();
  }

  @Override
  public void close() throws SQLException {
    try {
      dropAll();
    } finally {
      first.close();
      second.close();
    }
  }

  /** A table prefix no other run uses: {@code bwt_<12 hex>_}. */
  static String uniqueTablePrefix() {
    return "bwt_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
  }
}
