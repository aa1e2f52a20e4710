package dev.bulwark.auth.token.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.auth.token.RefreshGrant;
import dev.bulwark.auth.token.SpendResult;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JdbcTokenStore beyond the contract, on H2: configuration, schema, purge, and failing closed. */
class JdbcTokenStoreTest {

  static JdbcStores stores;
  final Instant start = Instant.parse("2026-12-04T12:00:00Z");

  @BeforeAll
  static void pools() {
    stores = new JdbcStores("jdbc:h2:mem:bulwark-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
  }

  @AfterAll
  static void close() throws Exception {
    stores.close();
  }

  @AfterEach
  void drop() throws Exception {
    stores.dropAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bulwark_", "1abc", "a-b", "a b", "x;drop table users;--", "a\"b", "a'b", "tok.",
      "abcdefghijabcdefghijabcdefghijabcdefghij_"})
  void tablePrefixOutsideThePatternIsRefusedAtBuild(String prefix) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JdbcTokenStore.builder(stores.dataSource()).tablePrefix(prefix).build());
    assertTrue(e.getMessage().contains("tablePrefix must match"), e.getMessage());
  }

  @Test
  void defaultPrefixNamesTheDocumentedTables() {
    JdbcTokenStore store = JdbcTokenStore.builder(stores.dataSource()).build();
    assertEquals(java.util.List.of("bulwark_refresh_grant", "bulwark_refresh_family", "bulwark_denied_jti"),
        store.tableNames());
    assertThrows(IllegalArgumentException.class,
        () -> JdbcTokenStore.builder(stores.dataSource()).tablePrefix(null).build());
  }

  @Test
  void createSchemaIsIdempotent() {
    JdbcTokenStore store = stores.fresh(Clock.fixed(start, ZoneOffset.UTC));
    store.createSchema();
    store.deny("j", start.plusSeconds(60));
    store.createSchema();
    assertTrue(store.isDenied("j"), "a second createSchema keeps the data");
  }

  @Test
  void purgeDeletesExpiredRowsOnly() throws Exception {
    MovingClock clock = new MovingClock(start);
    JdbcTokenStore store = stores.fresh(clock);
    store.save(grant("short", "f1", Duration.ofMinutes(10), Duration.ofMinutes(20)));
    store.save(grant("long", "f2", Duration.ofHours(1), Duration.ofHours(2)));
    store.deny("j-short", start.plus(Duration.ofMinutes(5)));
    store.deny("j-long", start.plus(Duration.ofHours(1)));
    assertEquals(0, store.purgeExpired());
    clock.now = start.plus(Duration.ofMinutes(30));
    // short grant, its family, and j-short
    assertEquals(3, store.purgeExpired());
    assertEquals(1, count(store, 0));
    assertEquals(1, count(store, 1));
    assertEquals(1, count(store, 2));
    assertTrue(store.find("short").isEmpty());
    assertEquals(SpendResult.Status.SPENT, store.spend("long").status());
    assertTrue(store.isDenied("j-long"));
  }

  @Test
  void valuesThatDoNotFitAreRefusedNotTruncated() {
    JdbcTokenStore store = stores.fresh(Clock.fixed(start, ZoneOffset.UTC));
    String longJti = "j".repeat(256);
    assertThrows(IllegalArgumentException.class, () -> store.deny(longJti, start.plusSeconds(60)));
    assertFalse(store.isDenied(longJti));
    assertThrows(IllegalArgumentException.class,
        () -> store.save(grant("h".repeat(129), "f", Duration.ofMinutes(1), Duration.ofMinutes(2))));
    assertEquals(SpendResult.Status.UNKNOWN, store.spend("h".repeat(129)).status());
  }

  @Test
  void aDatabaseFailureFailsClosedWithoutSqlInTheMessage() {
    JdbcTokenStore store = JdbcTokenStore.builder(new BrokenDataSource()).tablePrefix("secret_tables_").build();
    TokenStoreUnavailableException denied = assertThrows(TokenStoreUnavailableException.class,
        () -> store.isDenied("some-jti"));
    assertEquals("JDBC token store unavailable during isDenied", denied.getMessage());
    assertTrue(denied.getCause() instanceof SQLException);
    for (Runnable call : new Runnable[] {
        () -> store.spend("hash"), () -> store.find("hash"), () -> store.revokeFamily("f"),
        () -> store.deny("jti", start), () -> store.purgeExpired(), store::createSchema,
        () -> store.save(grant("h", "f", Duration.ofMinutes(1), Duration.ofMinutes(2)))}) {
      TokenStoreUnavailableException e = assertThrows(TokenStoreUnavailableException.class, call::run);
      assertFalse(e.getMessage().contains("secret_tables_") || e.getMessage().contains("SELECT")
          || e.getMessage().contains("hash") || e.getMessage().contains("jti"), e.getMessage());
    }
  }

  @Test
  void aPoolHandingOutManualCommitConnectionsStillCommitsEveryDecision() throws Exception {
    JdbcTokenStore store = stores.fresh(Clock.fixed(start, ZoneOffset.UTC));
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setJdbcUrl(stores.url());
    config.setUsername("sa");
    config.setAutoCommit(false); // the pool rolls back whatever is left uncommitted when a connection returns
    try (com.zaxxer.hikari.HikariDataSource manual = new com.zaxxer.hikari.HikariDataSource(config)) {
      JdbcTokenStore viaManual = JdbcTokenStore.builder(manual).tablePrefix(prefixOf(store))
          .clock(Clock.fixed(start, ZoneOffset.UTC)).build();
      viaManual.save(grant("h", "f", Duration.ofMinutes(10), Duration.ofMinutes(20)));
      assertEquals(SpendResult.Status.SPENT, viaManual.spend("h").status());
      viaManual.deny("j", start.plusSeconds(60));
    }
    assertEquals(SpendResult.Status.REUSED, store.spend("h").status());
    assertTrue(store.isDenied("j"));
  }

  private static String prefixOf(JdbcTokenStore store) {
    String grants = store.tableNames().get(0);
    return grants.substring(0, grants.length() - "refresh_grant".length());
  }

  @Test
  void createSchemaRefusesAnUnknownDatabaseWithAFix() throws Exception {
    JdbcSql sql = new JdbcSql("bulwark_");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sql.schema("Oracle"));
    assertTrue(e.getMessage().contains("jdbc-token-store-postgresql.sql"));
    assertEquals(6, sql.schema("PostgreSQL").size());
    assertTrue(sql.schema("H2").stream().allMatch(s -> !s.contains("${prefix}") && !s.contains("--")));
  }

  RefreshGrant grant(String hash, String family, Duration ttl, Duration session) {
    return new RefreshGrant(hash, family, "user", Set.of("user"), Set.of(), start.plus(ttl), start.plus(session));
  }

  private static int count(JdbcTokenStore store, int table) throws SQLException {
    try (Connection c = stores.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + store.tableNames().get(table))) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** A clock the test sets by hand. */
  static final class MovingClock extends Clock {
    volatile Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** A database that is down, with a driver message that names SQL and a table, as real drivers do. */
  static final class BrokenDataSource implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("Connection refused: SELECT * FROM secret_tables_denied_jti WHERE jti = 'x'", "08001");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
