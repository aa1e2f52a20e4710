package dev.bulwark.data.it;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** Base of the tests that run on both databases: one pool per database per class, empty tables per test. */
abstract class DatabaseTest {
  private static final Map<Db, Database> OPEN = new EnumMap<>(Db.class);

  /** The database of that kind, opened on first use, with every table empty. */
  static synchronized Database database(Db kind) {
    Database database = OPEN.computeIfAbsent(kind, Database::open);
    database.reset();
    return database;
  }

  @AfterAll
  static synchronized void closeDatabases() {
    for (Database database : OPEN.values()) {
      database.close();
    }
    OPEN.clear();
  }
}
