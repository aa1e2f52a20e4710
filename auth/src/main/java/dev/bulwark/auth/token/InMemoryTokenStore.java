package dev.bulwark.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded, expiring, thread-safe {@link TokenStore} in memory, for one instance (tests, the sample app, a
 * single-node service). Each of its three tables (refresh grants, families, denied jtis) holds at most
 * {@code maxEntries}; expired entries are evicted first.
 *
 * <p>When the grant or family table is still full, the oldest entry goes: that only ever fails closed (its
 * refresh token stops working, or its family counts as revoked). When the denylist is still full,
 * {@link #deny} throws instead, because dropping a live entry would silently un-revoke a token.
 */
public final class InMemoryTokenStore implements TokenStore {

  /** A sensible default bound for one instance. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final int maxEntries;
  // Insertion-ordered, so "oldest" is the first entry; every access is under this object's lock.
  private final Map<String, Grant> grants = new LinkedHashMap<>();
  private final Map<String, Family> families = new LinkedHashMap<>();
  private final Map<String, Instant> denied = new LinkedHashMap<>();

  /** A store on the system clock with {@link #DEFAULT_MAX_ENTRIES}. */
  public InMemoryTokenStore() {
    this(Clock.systemUTC(), DEFAULT_MAX_ENTRIES);
  }

  /** A store on {@code clock} holding at most {@code maxEntries} per table. */
  public InMemoryTokenStore(Clock clock, int maxEntries) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("InMemoryTokenStore maxEntries must be at least 1 (was " + maxEntries + ")");
    }
    this.maxEntries = maxEntries;
  }

  @Override
  public synchronized void save(RefreshGrant grant) {
    Objects.requireNonNull(grant, "grant");
    Instant now = clock.instant();
    Family family = families.get(grant.familyId());
    if (family == null) {
      makeRoom(families, now);
      families.put(grant.familyId(), new Family(grant.familyExpiresAt()));
    }
    makeRoom(grants, now);
    grants.put(grant.tokenHash(), new Grant(grant));
  }

  @Override
  public synchronized SpendResult spend(String tokenHash) {
    Instant now = clock.instant();
    Grant entry = tokenHash == null ? null : grants.get(tokenHash);
    if (entry == null) {
      return SpendResult.of(SpendResult.Status.UNKNOWN);
    }
    RefreshGrant grant = entry.grant;
    Family family = families.get(grant.familyId());
    if (family == null || family.revoked) {
      return SpendResult.of(SpendResult.Status.REVOKED, grant);
    }
    if (entry.spent) {
      family.revoked = true; // reuse: the whole family dies in the same step
      return SpendResult.of(SpendResult.Status.REUSED, grant);
    }
    if (!now.isBefore(grant.expiresAt()) || !now.isBefore(grant.familyExpiresAt())) {
      return SpendResult.of(SpendResult.Status.EXPIRED, grant);
    }
    entry.spent = true;
    return SpendResult.of(SpendResult.Status.SPENT, grant);
  }

  @Override
  public synchronized Optional<RefreshGrant> find(String tokenHash) {
    Grant entry = tokenHash == null ? null : grants.get(tokenHash);
    return entry == null ? Optional.empty() : Optional.of(entry.grant);
  }

  @Override
  public synchronized void revokeFamily(String familyId) {
    Family family = families.get(familyId);
    if (family != null) {
      family.revoked = true;
    }
    // An unknown family already counts as revoked.
  }

  @Override
  public synchronized void deny(String jti, Instant until) {
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(until, "until");
    Instant now = clock.instant();
    if (!denied.containsKey(jti) && denied.size() >= maxEntries) {
      evictExpired(denied, now);
      if (denied.size() >= maxEntries) {
        throw new IllegalStateException("the in-memory jti denylist is full (" + maxEntries
            + " live entries); raise maxEntries or use a shared TokenStore");
      }
    }
    denied.merge(jti, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  @Override
  public synchronized boolean isDenied(String jti) {
    Instant until = jti == null ? null : denied.get(jti);
    if (until == null) {
      return false;
    }
    if (!clock.instant().isBefore(until)) {
      denied.remove(jti);
      return false;
    }
    return true;
  }

  /** Stored refresh grants, spent ones included (for tests and metrics). */
  public synchronized int grantCount() {
    return grants.size();
  }

  /** Known refresh families (for tests and metrics). */
  public synchronized int familyCount() {
    return families.size();
  }

  /** Denied access-token ids (for tests and metrics). */
  public synchronized int deniedCount() {
    return denied.size();
  }

  /** Drops every expired entry now (otherwise done lazily when a table fills up). */
  public synchronized void evictExpired() {
    Instant now = clock.instant();
    evictExpired(grants, now);
    evictExpired(families, now);
    evictExpired(denied, now);
  }

  private <V> void makeRoom(Map<String, V> table, Instant now) {
    if (table.size() < maxEntries) {
      return;
    }
    evictExpired(table, now);
    Iterator<Map.Entry<String, V>> oldest = table.entrySet().iterator();
    while (table.size() >= maxEntries && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  private static <V> void evictExpired(Map<String, V> table, Instant now) {
    table.values().removeIf(value -> !now.isBefore(expiry(value)));
  }

  private static Instant expiry(Object value) {
    if (value instanceof Grant g) {
      // A spent token is kept until it would have expired, so that its reuse is still recognised.
      return g.grant.expiresAt().isBefore(g.grant.familyExpiresAt()) ? g.grant.expiresAt() : g.grant.familyExpiresAt();
    }
    if (value instanceof Family f) {
      return f.expiresAt;
    }
    return (Instant) value;
  }

  private static final class Grant {
    final RefreshGrant grant;
    boolean spent;

    Grant(RefreshGrant grant) {
      this.grant = grant;
    }
  }

  private static final class Family {
    final Instant expiresAt;
    boolean revoked;

    Family(Instant expiresAt) {
      this.expiresAt = expiresAt;
    }
  }
}
