package dev.bulwark.auth.token.store;

import dev.bulwark.auth.token.TokenStore;
import dev.bulwark.auth.token.TokenStoreContract;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on {@link JdbcTokenStore} over H2 in memory, two pools standing for two instances. */
class JdbcTokenStoreH2Test extends TokenStoreContract {

  static JdbcStores stores;

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

  @Override
  protected TokenStore newStore(Clock clock) {
    return stores.fresh(clock);
  }

  @Override
  protected TokenStore otherInstance(Clock clock) {
    return stores.twin((JdbcTokenStore) store, clock);
  }
}
