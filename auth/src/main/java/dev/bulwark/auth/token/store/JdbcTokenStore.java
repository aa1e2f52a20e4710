package dev.bulwark.auth.token.store;

import dev.bulwark.auth.token.RefreshGrant;
import dev.bulwark.auth.token.SpendResult;
import dev.bulwark.auth.token.SpendResult.Status;
import dev.bulwark.auth.token.TokenStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link TokenStore} in a SQL database (PostgreSQL or H2; the DML is portable), shared by every instance of a
 * service. Plain JDBC on a {@link DataSource} (give it a pool), {@code PreparedStatement}s only, each call in
 * auto-commit mode.
 *
 * <pre>{@code
 * JdbcTokenStore store = JdbcTokenStore.builder(dataSource).tablePrefix("bulwark_").build();
 * store.createSchema();                       // or run jdbc-token-store-postgresql.sql as a migration
 * scheduler.scheduleAtFixedRate(store::purgeExpired, 1, 1, TimeUnit.HOURS);
 * }</pre>
 *
 * <p>{@link #spend} is one conditional {@code UPDATE ... WHERE spent = FALSE AND <family not revoked>} checked by
 * its update count, so of concurrent spends of one token, on any number of instances, exactly one wins. Any
 * database failure is a {@link TokenStoreUnavailableException}: the store never answers "not revoked" or
 * "spendable" when it could not ask.
 */
public final class JdbcTokenStore implements TokenStore {

  /** The default table prefix. */
  public static final String DEFAULT_PREFIX = "bulwark_";

  // Hashes and family ids Bulwark makes are 43 and 22 characters; the columns leave room for others' ids.
  private static final int MAX_ID = 128;
  private static final int MAX_SUBJECT = 1024;
  private static final int MAX_JTI = 255;
  private static final String NAME = "JDBC";

  private final DataSource dataSource;
  private final JdbcSql sql;
  private final Clock clock;

  private JdbcTokenStore(DataSource dataSource, JdbcSql sql, Clock clock) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.clock = clock;
  }

  /** A builder for a store on {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** Creates the three tables and their indexes when they do not exist (PostgreSQL or H2); idempotent. */
  public void createSchema() {
    try (Connection c = open()) {
      for (String ddl : sql.schema(c.getMetaData().getDatabaseProductName())) {
        try (Statement s = c.createStatement()) {
          s.execute(ddl);
        }
      }
    } catch (SQLException e) {
      throw unavailable("createSchema", e);
    }
  }

  /** The three table names, in creation order (for migrations, grants and monitoring). */
  public List<String> tableNames() {
    return List.of(sql.grants, sql.families, sql.denied);
  }

  @Override
  public void save(RefreshGrant grant) {
    Objects.requireNonNull(grant, "grant");
    checkLength("token hash", grant.tokenHash(), MAX_ID);
    checkLength("family id", grant.familyId(), MAX_ID);
    checkLength("subject", grant.subject(), MAX_SUBJECT);
    try (Connection c = open()) {
      // The family row first, and never overwritten: a grant saved into a revoked family stays revoked.
      if (!exists(c, sql.familyExists, grant.familyId())) {
        try (PreparedStatement ps = c.prepareStatement(sql.insertFamily)) {
          ps.setString(1, grant.familyId());
          ps.setLong(2, grant.familyExpiresAt().toEpochMilli());
          ps.executeUpdate();
        } catch (SQLException e) {
          if (!isUniqueViolation(e)) {
            throw e;
          }
          // Another caller created it a moment ago: that row is the family.
        }
      }
      try (PreparedStatement ps = c.prepareStatement(sql.insertGrant)) {
        ps.setString(1, grant.tokenHash());
        ps.setString(2, grant.familyId());
        ps.setString(3, grant.subject());
        ps.setString(4, StringSets.encode(grant.roles()));
        ps.setString(5, StringSets.encode(grant.scopes()));
        ps.setLong(6, grant.expiresAt().toEpochMilli());
        ps.setLong(7, grant.familyExpiresAt().toEpochMilli());
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw unavailable("save", e);
    }
  }

  @Override
  public SpendResult spend(String tokenHash) {
    if (tokenHash == null || tokenHash.length() > MAX_ID) {
      return SpendResult.of(Status.UNKNOWN);
    }
    long now = clock.millis();
    try (Connection c = open()) {
      // Each pass either decides or lost a race to a concurrent spend or revocation; spent and revoked are
      // only ever set, so the second pass always decides.
      for (int pass = 0; pass < 3; pass++) {
        Row row = select(c, tokenHash);
        if (row == null) {
          return SpendResult.of(Status.UNKNOWN);
        }
        if (row.familyRevoked == null || row.familyRevoked) {
          return SpendResult.of(Status.REVOKED, row.grant);
        }
        if (row.spent) {
          // Reuse: the family dies. Of concurrent replays the one that flips the flag reports the reuse.
          int revoked = update(c, sql.revokeActiveFamily, row.grant.familyId());
          return SpendResult.of(revoked == 1 ? Status.REUSED : Status.REVOKED, row.grant);
        }
        if (now >= row.grant.expiresAt().toEpochMilli() || now >= row.grant.familyExpiresAt().toEpochMilli()) {
          return SpendResult.of(Status.EXPIRED, row.grant);
        }
        try (PreparedStatement ps = c.prepareStatement(sql.spendGrant)) {
          ps.setString(1, tokenHash);
          ps.setString(2, row.grant.familyId());
          if (ps.executeUpdate() == 1) {
            return SpendResult.of(Status.SPENT, row.grant);
          }
        }
      }
      throw new TokenStoreUnavailableException(NAME, "spend", new IllegalStateException("no decision in 3 passes"));
    } catch (SQLException e) {
      throw unavailable("spend", e);
    }
  }

  @Override
  public Optional<RefreshGrant> find(String tokenHash) {
    if (tokenHash == null || tokenHash.length() > MAX_ID) {
      return Optional.empty();
    }
    try (Connection c = open()) {
      Row row = select(c, tokenHash);
      return row == null ? Optional.empty() : Optional.of(row.grant);
    } catch (SQLException e) {
      throw unavailable("find", e);
    }
  }

  @Override
  public void revokeFamily(String familyId) {
    if (familyId == null || familyId.length() > MAX_ID) {
      return; // no such family can exist, and an unknown family already counts as revoked
    }
    try (Connection c = open()) {
      update(c, sql.revokeFamily, familyId);
    } catch (SQLException e) {
      throw unavailable("revokeFamily", e);
    }
  }

  @Override
  public void deny(String jti, Instant until) {
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(until, "until");
    // Refused rather than truncated: a truncated id could deny another token, and a silently dropped one
    // would leave this token valid after logout.
    checkLength("jti", jti, MAX_JTI);
    long untilMillis = until.toEpochMilli();
    try (Connection c = open()) {
      // Portable upsert that keeps the later expiry: extend, else insert, and if another caller inserted
      // first, extend theirs.
      for (int pass = 0; pass < 3; pass++) {
        try (PreparedStatement ps = c.prepareStatement(sql.extendDenial)) {
          ps.setLong(1, untilMillis);
          ps.setLong(2, untilMillis);
          ps.setString(3, jti);
          if (ps.executeUpdate() == 1) {
            return;
          }
        }
        try (PreparedStatement ps = c.prepareStatement(sql.insertDenial)) {
          ps.setString(1, jti);
          ps.setLong(2, untilMillis);
          ps.executeUpdate();
          return;
        } catch (SQLException e) {
          if (!isUniqueViolation(e)) {
            throw e;
          }
        }
      }
      throw new TokenStoreUnavailableException(NAME, "deny", new IllegalStateException("no decision in 3 passes"));
    } catch (SQLException e) {
      throw unavailable("deny", e);
    }
  }

  @Override
  public boolean isDenied(String jti) {
    if (jti == null || jti.length() > MAX_JTI) {
      return false; // deny() refuses such an id, so none is on the list
    }
    try (Connection c = open(); PreparedStatement ps = c.prepareStatement(sql.isDenied)) {
      ps.setString(1, jti);
      ps.setLong(2, clock.millis());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      // Never fail open: a revoked token must not pass because the database did not answer.
      throw unavailable("isDenied", e);
    }
  }

  /**
   * Deletes expired grants, families and denials; returns how many rows went. Run it on a schedule; nothing
   * depends on it for correctness, because every read compares expiry with the clock.
   */
  public int purgeExpired() {
    long now = clock.millis();
    try (Connection c = open()) {
      int n;
      try (PreparedStatement ps = c.prepareStatement(sql.purgeGrants)) {
        ps.setLong(1, now);
        ps.setLong(2, now);
        n = ps.executeUpdate();
      }
      // Grants first: a family outlives all of its grants, so no live grant loses its family here.
      n += updateWithLong(c, sql.purgeFamilies, now);
      n += updateWithLong(c, sql.purgeDenied, now);
      return n;
    } catch (SQLException e) {
      throw unavailable("purgeExpired", e);
    }
  }

  // Every statement must commit on its own: the spend's update count is only a decision once it is committed.
  private Connection open() throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private Row select(Connection c, String tokenHash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.selectGrant)) {
      ps.setString(1, tokenHash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        RefreshGrant grant = new RefreshGrant(rs.getString(1), rs.getString(2), rs.getString(3),
            StringSets.decode(rs.getString(4)), StringSets.decode(rs.getString(5)),
            Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)));
        boolean spent = rs.getBoolean(8);
        boolean revoked = rs.getBoolean(9);
        return new Row(grant, spent, rs.wasNull() ? null : revoked);
      }
    }
  }

  private static boolean exists(Connection c, String query, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int update(Connection c, String statement, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setString(1, id);
      return ps.executeUpdate();
    }
  }

  private static int updateWithLong(Connection c, String statement, long value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setLong(1, value);
      return ps.executeUpdate();
    }
  }

  // SQLSTATE class 23 is "integrity constraint violation"; 23505 (unique) on PostgreSQL and H2 alike.
  private static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  private static void checkLength(String what, String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException("JdbcTokenStore: a " + what + " longer than " + max
          + " characters cannot be stored (was " + value.length() + ")");
    }
  }

  private static TokenStoreUnavailableException unavailable(String operation, SQLException e) {
    return new TokenStoreUnavailableException(NAME, operation, e);
  }

  private record Row(RefreshGrant grant, boolean spent, Boolean familyRevoked) {}

  /** Configures a {@link JdbcTokenStore}; {@link #build()} validates the table prefix. */
  public static final class Builder {
    private final DataSource dataSource;
    private String tablePrefix = DEFAULT_PREFIX;
    private Clock clock = Clock.systemUTC();

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Prefix of the three table names: {@code [a-z][a-z0-9_]{0,39}}, {@code "bulwark_"} by default. */
    public Builder tablePrefix(String tablePrefix) {
      this.tablePrefix = tablePrefix;
      return this;
    }

    /** The clock every expiry is compared with; keep instances' clocks in sync (NTP). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The store; throws {@link IllegalArgumentException} saying what to fix for a bad prefix. */
    public JdbcTokenStore build() {
      return new JdbcTokenStore(dataSource, new JdbcSql(tablePrefix), clock);
    }
  }
}
