package dev.bulwark.auth.token.store;

import dev.bulwark.auth.token.RefreshGrant;
import dev.bulwark.auth.token.SpendResult;
import dev.bulwark.auth.token.SpendResult.Status;
import dev.bulwark.auth.token.TokenStore;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link TokenStore} in Redis (standalone or Sentinel; not Cluster), shared by every instance of a service,
 * through Lettuce. Every key carries a TTL equal to its record's expiry, so Redis never fills up.
 *
 * <pre>{@code
 * RedisTokenStore store = RedisTokenStore.builder("redis://127.0.0.1:6379/0").keyPrefix("blog:tok:").build();
 * TokenIssuer tokens = TokenIssuer.builder(keys, kid).issuer(..).audience(..).store(store).build();
 * // at shutdown: store.close();
 * }</pre>
 *
 * <p>Keys: {@code <prefix>g:<token hash>} (hash: family, subject, roles, scopes, exp, fexp, spent),
 * {@code <prefix>f:<family id>} (hash: revoked) and {@code <prefix>d:<jti>} (string: the expiry). Spending,
 * reuse detection with family revocation, saving and denying are each one Lua script, which Redis runs
 * atomically, so a spend and a revocation of the same family are strictly ordered. A failure (Redis down, a
 * timeout) is a {@link TokenStoreUnavailableException}; the store never answers "not revoked" when it could not
 * ask.
 */
public final class RedisTokenStore implements TokenStore, AutoCloseable {

  /** The default key prefix. */
  public static final String DEFAULT_PREFIX = "bulwark:token:";
  static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  // KEYS: grant, family. ARGV: now, family id. Returns the status name.
  private static final RedisScript SPEND = RedisScript.of("""
      if redis.call('HGET', KEYS[1], 'family') ~= ARGV[2] then return 'UNKNOWN' end
      if redis.call('HGET', KEYS[2], 'revoked') ~= '0' then return 'REVOKED' end
      if redis.call('HGET', KEYS[1], 'spent') == '1' then
        redis.call('HSET', KEYS[2], 'revoked', '1')
        return 'REUSED'
      end
      local now = tonumber(ARGV[1])
      if now >= tonumber(redis.call('HGET', KEYS[1], 'exp')) or now >= tonumber(redis.call('HGET', KEYS[1], 'fexp')) then
        return 'EXPIRED'
      end
      redis.call('HSET', KEYS[1], 'spent', '1')
      return 'SPENT'
      """);

  // KEYS: grant, family. ARGV: now, family, subject, roles, scopes, exp, fexp. The family is created only when
  // absent, so a grant saved into a revoked family stays revoked.
  private static final RedisScript SAVE = RedisScript.of("""
      local now = tonumber(ARGV[1])
      local exp = tonumber(ARGV[6])
      local fexp = tonumber(ARGV[7])
      if redis.call('EXISTS', KEYS[2]) == 0 and fexp > now then
        redis.call('HSET', KEYS[2], 'revoked', '0')
        redis.call('PEXPIRE', KEYS[2], fexp - now)
      end
      local last = math.min(exp, fexp)
      if last <= now then return 0 end
      redis.call('HSET', KEYS[1], 'family', ARGV[2], 'subject', ARGV[3], 'roles', ARGV[4], 'scopes', ARGV[5],
        'exp', ARGV[6], 'fexp', ARGV[7], 'spent', '0')
      redis.call('PEXPIRE', KEYS[1], last - now)
      return 1
      """);

  // KEYS: family. Never creates a key (it would have no TTL); an unknown family already counts as revoked.
  private static final RedisScript REVOKE = RedisScript.of("""
      if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'revoked', '1') end
      return 1
      """);

  // KEYS: denial. ARGV: now, until. Keeps the later expiry.
  private static final RedisScript DENY = RedisScript.of("""
      local now = tonumber(ARGV[1])
      local untilMs = tonumber(ARGV[2])
      if untilMs <= now then return 0 end
      local current = redis.call('GET', KEYS[1])
      if current and tonumber(current) >= untilMs then return 0 end
      redis.call('SET', KEYS[1], ARGV[2], 'PX', untilMs - now)
      return 1
      """);

  private final RedisLink link;
  private final String prefix;
  private final Clock clock;

  private RedisTokenStore(RedisLink link, String prefix, Clock clock) {
    this.link = link;
    this.prefix = prefix;
    this.clock = clock;
  }

  /** A builder for a store at {@code redisUri}, such as {@code redis://127.0.0.1:6379/0}. */
  public static Builder builder(String redisUri) {
    Objects.requireNonNull(redisUri, "redisUri");
    try {
      return new Builder(RedisURI.create(redisUri));
    } catch (RuntimeException e) {
      // Lettuce's message would repeat the URI, password included.
      throw new IllegalArgumentException("RedisTokenStore: the Redis URI is not valid; expected "
          + "redis://[user:password@]host:port/database or rediss://... for TLS");
    }
  }

  /** A builder for a store at {@code uri}. */
  public static Builder builder(RedisURI uri) {
    return new Builder(Objects.requireNonNull(uri, "uri"));
  }

  @Override
  public void save(RefreshGrant grant) {
    Objects.requireNonNull(grant, "grant");
    link.script("save", SAVE, ScriptOutputType.INTEGER,
        new String[] {grantKey(grant.tokenHash()), familyKey(grant.familyId())},
        Long.toString(clock.millis()), grant.familyId(), grant.subject(), StringSets.encode(grant.roles()),
        StringSets.encode(grant.scopes()), Long.toString(grant.expiresAt().toEpochMilli()),
        Long.toString(grant.familyExpiresAt().toEpochMilli()));
  }

  @Override
  public SpendResult spend(String tokenHash) {
    if (tokenHash == null) {
      return SpendResult.of(Status.UNKNOWN);
    }
    Optional<RefreshGrant> found = find(tokenHash);
    if (found.isEmpty()) {
      return SpendResult.of(Status.UNKNOWN);
    }
    // The grant's fields never change once saved; only its spent flag and its family's revoked flag do, and
    // the script reads and writes those in one atomic step.
    RefreshGrant grant = found.get();
    String status = link.script("spend", SPEND, ScriptOutputType.VALUE,
        new String[] {grantKey(tokenHash), familyKey(grant.familyId())},
        Long.toString(clock.millis()), grant.familyId());
    Status outcome = Status.valueOf(status);
    return outcome == Status.UNKNOWN ? SpendResult.of(Status.UNKNOWN) : SpendResult.of(outcome, grant);
  }

  @Override
  public Optional<RefreshGrant> find(String tokenHash) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    Map<String, String> fields = link.call("find", c -> c.hgetall(grantKey(tokenHash)));
    if (fields == null || fields.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RefreshGrant(tokenHash, fields.get("family"), fields.get("subject"),
          StringSets.decode(fields.get("roles")), StringSets.decode(fields.get("scopes")),
          Instant.ofEpochMilli(Long.parseLong(fields.get("exp"))),
          Instant.ofEpochMilli(Long.parseLong(fields.get("fexp")))));
    } catch (RuntimeException e) {
      // A key that is not ours under our prefix: refuse to guess what it grants.
      throw new TokenStoreUnavailableException("Redis", "find", e);
    }
  }

  @Override
  public void revokeFamily(String familyId) {
    if (familyId == null) {
      return;
    }
    link.script("revokeFamily", REVOKE, ScriptOutputType.INTEGER, new String[] {familyKey(familyId)});
  }

  @Override
  public void deny(String jti, Instant until) {
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(until, "until");
    link.script("deny", DENY, ScriptOutputType.INTEGER, new String[] {deniedKey(jti)},
        Long.toString(clock.millis()), Long.toString(until.toEpochMilli()));
  }

  @Override
  public boolean isDenied(String jti) {
    if (jti == null) {
      return false;
    }
    // Never fail open: when Redis does not answer, this throws rather than say "not denied".
    String until = link.call("isDenied", c -> c.get(deniedKey(jti)));
    if (until == null) {
      return false;
    }
    try {
      return clock.millis() < Long.parseLong(until);
    } catch (NumberFormatException e) {
      return true; // not a value this store wrote: fail closed
    }
  }

  /** The key prefix, for operators and tests. */
  public String keyPrefix() {
    return prefix;
  }

  /** Closes the connection and its threads. */
  @Override
  public void close() {
    link.close();
  }

  private String grantKey(String tokenHash) {
    return prefix + "g:" + tokenHash;
  }

  private String familyKey(String familyId) {
    return prefix + "f:" + familyId;
  }

  private String deniedKey(String jti) {
    return prefix + "d:" + jti;
  }

  /** Configures a {@link RedisTokenStore}; {@link #build()} fails fast on bad settings. */
  public static final class Builder {
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    private final RedisURI uri;
    private String keyPrefix = DEFAULT_PREFIX;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration commandTimeout = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();

    private Builder(RedisURI uri) {
      this.uri = uri;
    }

    /** Prefix of every key: {@code [A-Za-z0-9_.:-]{1,64}}, {@code "bulwark:token:"} by default. */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
      return this;
    }

    /** How long to wait for a connection: 2 s by default. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** How long to wait for any one command: 1 s by default. */
    public Builder commandTimeout(Duration commandTimeout) {
      this.commandTimeout = commandTimeout;
      return this;
    }

    /** The clock every expiry is compared with; keep instances' clocks in sync (NTP). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The store, not yet connected (it connects on first use); throws saying what to fix. */
    public RedisTokenStore build() {
      if (keyPrefix == null || !PREFIX.matcher(keyPrefix).matches()) {
        throw new IllegalArgumentException("RedisTokenStore keyPrefix must match " + PREFIX.pattern()
            + ", for example \"myapp:token:\"");
      }
      checkTimeout("connectTimeout", connectTimeout);
      checkTimeout("commandTimeout", commandTimeout);
      return new RedisTokenStore(new RedisLink(uri, connectTimeout, commandTimeout), keyPrefix, clock);
    }

    private static void checkTimeout(String name, Duration value) {
      if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException("RedisTokenStore " + name + " must be between 1 ms and 60 s (was "
            + value + ")");
      }
    }
  }
}
