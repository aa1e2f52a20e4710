package dev.bulwark.auth.token.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.auth.token.TokenStore;
import dev.bulwark.auth.token.TokenStoreContract;
import dev.bulwark.testsupport.Services;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on {@link JdbcTokenStore} over the machine's PostgreSQL (tables under a unique prefix per
 * test, dropped afterwards), two pools standing for two instances of a service.
 */
class JdbcTokenStorePostgresTest extends TokenStoreContract {

  static JdbcStores stores;

  @BeforeAll
  static void pools() {
    Services.requireListening("PostgreSQL", 5432);
    stores = new JdbcStores(Services.POSTGRES_URL, Services.POSTGRES_USER);
  }

  @AfterAll
  static void close() throws Exception {
    if (stores != null) {
      stores.close();
    }
  }

  @AfterEach
  void drop() throws Exception {
    stores.dropAll();
  }

  @Override
  protected TokenStore newStore(Clock clock) {
    return stores.fresh(clock);
  }

  @Override
  protected TokenStore otherInstance(Clock clock) {
    return stores.twin((JdbcTokenStore) store, clock);
  }

  @Test
  void schemaIsCreatedOnceAndMatchesTheDocumentedTables() throws Exception {
    JdbcTokenStore jdbc = (JdbcTokenStore) store;
    jdbc.createSchema(); // idempotent
    try (Connection c = stores.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("text", jdbc.tableNames().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt(1));
      }
    }
  }
}
