package dev.bulwark.sample;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The sample's database: PostgreSQL when {@code BULWARK_DB_URL} is set, else an in-memory H2 of its own. Pooled by
 * HikariCP and migrated by Flyway at start; a database that cannot be reached or migrated stops the app with a
 * message that names what to fix and never the password.
 */
final class Storage implements AutoCloseable {
  static final String URL_ENV = "BULWARK_DB_URL";
  static final String USER_ENV = "BULWARK_DB_USER";
  static final String PASSWORD_ENV = "BULWARK_DB_PASSWORD";
  private static final String POSTGRES_PREFIX = "jdbc:postgresql://";
  private static final String MIGRATIONS = "classpath:db/migration";

  private final HikariDataSource pool;
  private final String description;
  private final boolean persistent;

  private Storage(HikariDataSource pool, String description, boolean persistent) {
    this.pool = pool;
    this.description = description;
    this.persistent = persistent;
  }

  /** True when {@code env} selects PostgreSQL: the data outlives the process. */
  static boolean persistent(Map<String, String> env) {
    String url = env.get(URL_ENV);
    return url != null && !url.isBlank();
  }

  /** Opens the pool and migrates the schema. */
  static Storage open(Map<String, String> env) {
    HikariConfig config = new HikariConfig();
    // Small and bounded: a pool larger than the database's cores only queues inside the database.
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(10_000);
    config.setValidationTimeout(5_000);
    config.setIdleTimeout(300_000);
    config.setMaxLifetime(1_800_000);
    String description;
    String password = null;
    if (persistent(env)) {
      String url = env.get(URL_ENV).strip();
      if (!url.startsWith(POSTGRES_PREFIX)) {
        throw new IllegalArgumentException(URL_ENV + " must be a PostgreSQL JDBC URL such as "
            + "jdbc:postgresql://db.example.com:5432/blog (it starts with '" + scheme(url) + "'); leave it unset for "
            + "the in-memory H2 database");
      }
      password = env.get(PASSWORD_ENV);
      config.setJdbcUrl(url);
      config.setUsername(env.get(USER_ENV));
      config.setPassword(password);
      config.setPoolName("bulwark-sample-postgresql");
      description = "postgresql " + redacted(url);
    } else {
      String name = "bulwark-sample-" + UUID.randomUUID();
      // DB_CLOSE_DELAY=-1: the database lives until the pool closes it, even when the pool briefly holds no connection.
      config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
      config.setMaximumPoolSize(4);
      config.setMinimumIdle(1);
      config.setPoolName("bulwark-sample-h2");
      description = "h2 in-memory " + name;
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot connect to the database " + description + " (" + URL_ENV + ", "
          + USER_ENV + ", " + PASSWORD_ENV + "): " + scrub(rootMessage(e), password) + "; check the URL's host, port "
          + "and database name, the user and password, and that PostgreSQL is running and reachable");
    }
    Storage storage = new Storage(pool, description, persistent(env));
    try {
      Flyway.configure().dataSource(pool).locations(MIGRATIONS).failOnMissingLocations(true).load().migrate();
    } catch (FlywayException e) {
      storage.close();
      throw new IllegalStateException("cannot migrate the database " + description + ": "
          + scrub(rootMessage(e), password) + "; the schema must be one this version's migrations in " + MIGRATIONS
          + " can bring up to date (give the sample a database or schema of its own)");
    }
    return storage;
  }

  DataSource dataSource() {
    return pool;
  }

  /** What the start-up log says about the storage: the kind and the URL without user, password or parameters. */
  String description() {
    return description;
  }

  boolean persistent() {
    return persistent;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The URL up to its parameters, without any user information: {@code ?password=} and {@code user:pw@} go. */
  static String redacted(String url) {
    String base = url;
    int query = base.indexOf('?');
    if (query >= 0) {
      base = base.substring(0, query);
    }
    int hostStart = base.indexOf("//");
    int at = base.lastIndexOf('@');
    if (hostStart >= 0 && at > hostStart) {
      base = base.substring(0, hostStart + 2) + base.substring(at + 1);
    }
    return base;
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':', url.startsWith("jdbc:") ? 5 : 0);
    return colon < 0 ? "(no scheme)" : url.substring(0, Math.min(colon + 1, 30));
  }

  /** The driver's own words (its last SQLException) and what lay beneath them, such as an unknown host. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    SQLException sql = null;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root instanceof SQLException found) {
        sql = found;
      }
    }
    String rootText = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    if (sql == null || sql == root) {
      return sql == null ? rootText : sql.getMessage() + " (SQLState " + sql.getSQLState() + ")";
    }
    return sql.getMessage() + " (SQLState " + sql.getSQLState() + "; " + rootText + ")";
  }

  /** The driver's message may quote the URL, and a URL may carry the password: it never reaches the output. */
  private static String scrub(String message, String password) {
    String scrubbed = message.replaceAll("(?i)(password=)[^&;\\s]*", "$1***")
        .replaceAll("(//[^/@\\s]*:)[^/@\\s]*@", "$1***@");
    if (password != null && !password.isEmpty()) {
      scrubbed = scrubbed.replace(password, "***");
    }
    return scrubbed;
  }
}
