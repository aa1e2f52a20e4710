package dev.bulwark.sample;

import dev.bulwark.auth.apikey.ApiKeys;
import dev.bulwark.auth.apikey.InMemoryApiKeyStore;
import dev.bulwark.auth.audit.AuditLog;
import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.auth.jwt.JwtKey;
import dev.bulwark.auth.jwt.KeySet;
import dev.bulwark.auth.password.PasswordHasher;
import dev.bulwark.auth.token.TokenIssuer;
import dev.bulwark.auth.token.TokenStore;
import dev.bulwark.auth.token.store.JdbcTokenStore;
import dev.bulwark.auth.token.store.RedisTokenStore;
import dev.bulwark.auth.totp.InMemoryTotpStore;
import dev.bulwark.auth.totp.TotpAuthenticator;
import dev.bulwark.ratelimit.LocalRateLimiter;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.ratelimit.RedisRateLimiter;
import dev.bulwark.ratelimit.clientip.ClientIpResolver;
import dev.bulwark.runtime.limits.RateLimits;
import dev.bulwark.runtime.routing.RouteSet;
import dev.bulwark.runtime.security.Security;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The sample's wiring: storage, the password hasher, the token issuer and verifier, TOTP, API keys, and the routes.
 * Users, posts, comments and refresh tokens live in SQL ({@link Storage}); API keys and TOTP state stay in memory.
 */
final class SampleApp implements AutoCloseable {
  static final String ISSUER = "bulwark-sample";
  static final String AUDIENCE = "bulwark-sample-api";
  static final String SECRET_ENV = "BULWARK_JWT_SECRET";
  static final String ADMIN_PASSWORD_ENV = "BULWARK_ADMIN_PASSWORD";
  static final String REDIS_ENV = "BULWARK_REDIS_URL";
  static final String PROXIES_ENV = "BULWARK_TRUSTED_PROXIES";
  static final String REDIS_NAMESPACE_ENV = "BULWARK_REDIS_NAMESPACE";

  final Storage storage;
  final Accounts accounts;
  final AuthService auth;
  final List<RouteSet> routes;
  final boolean ephemeralSecret;
  final boolean ephemeralKeysets;
  /** The rate limits of every route and of the server's per-client ceiling: in memory, or in Redis. */
  final RateLimits limits;
  /** Whether limits and refresh tokens are kept in Redis ({@value #REDIS_ENV}) rather than memory and the database. */
  final boolean redis;
  /** What the limits are kept in, for the start-up line. */
  final String limitsDescription;
  private final AutoCloseable redisTokens;
  private final PasswordHasher hasher;

  SampleApp(Map<String, String> env, Clock clock, Consumer<String> log) {
    byte[] secret = secret(env.get(SECRET_ENV));
    // The keysets first: a persistent database with made-up keysets is refused before anything connects.
    Keysets keysets = Keysets.fromEnv(env, Storage.persistent(env), log);
    ephemeralKeysets = keysets.ephemeral();
    ephemeralSecret = env.get(SECRET_ENV) == null;
    if (ephemeralSecret) {
      log.accept("No " + SECRET_ENV + " set: using a random HMAC secret for this run only (tokens die with the process)");
    }
    ClientIpResolver clientIps = clientIps(env.get(PROXIES_ENV));
    String redisUrl = env.get(REDIS_ENV);
    redis = redisUrl != null && !redisUrl.isBlank();
    AuditLog audit = AuditLog.slf4j();
    // Parse the Redis URI before anything connects, so a typo stops the start with a message.
    String namespace = redisNamespace(env.get(REDIS_NAMESPACE_ENV));
    RateLimiter store = redis ? RedisRateLimiter.builder(redisUrl.strip()).namespace(namespace + ":rl").build()
        : LocalRateLimiter.builder().maximumKeys(100_000).build();
    limits = RateLimits.builder().store(store).clientIps(clientIps).audit(audit).build();
    limitsDescription = (redis ? "redis" : "memory") + (clientIps.hasTrustedProxies() ? ", behind trusted proxies" : "");
    storage = Storage.open(env);
    RedisTokenStore redisStore = null;
    try {
      DataSource db = storage.dataSource();
      accounts = new Accounts(db, new UserStore_Jdbc(db, keysets.cipher()), keysets.index(), clock);
      TokenStore refreshTokens;
      if (redis) {
        redisStore = RedisTokenStore.builder(redisUrl.strip()).keyPrefix(namespace + ":token:").clock(clock).build();
        refreshTokens = redisStore;
      } else {
        JdbcTokenStore jdbc = JdbcTokenStore.builder(db).clock(clock).build();
        jdbc.createSchema(); // idempotent: the library owns its tables' DDL
        refreshTokens = jdbc;
      }
      KeySet keys = KeySet.of(JwtKey.hmac("sample-1", JwsAlgorithm.HS256, secret));
      // The plan claim picks the tier of the per-caller limits; the sample has no billing, so admins are on "pro".
      TokenIssuer tokens = TokenIssuer.builder(keys, "sample-1").issuer(ISSUER).audience(AUDIENCE)
          .store(refreshTokens).clock(clock)
          .claims(subject -> Map.of("plan", accounts.byId(subject)
              .map(a -> a.roleNames().contains(Role.admin.name()) ? "pro" : "free").orElse("free")))
          .build();
      hasher = PasswordHasher.argon2id();
      TotpAuthenticator totp = TotpAuthenticator.create(new InMemoryTotpStore(), ISSUER, clock);
      ApiKeys apiKeys = ApiKeys.create(new InMemoryApiKeyStore(), clock);
      Security security = Security.builder()
          .jwt(tokens.verifierBuilder().build())
          .apiKeys(apiKeys, owner -> accounts.byId(owner).map(Account::roleNames).orElse(Set.of()))
          .audit(audit)
          .build();
      auth = new AuthService(accounts, hasher, tokens, totp, audit);
      Posts posts = new Posts(db, new PostStore_Jdbc(db), new CommentStore_Jdbc(db), clock);
      AdminApi admin = () -> accounts.all().stream().map(a -> a.profile(totp.isEnrolled(a.id()))).toList();
      routes = List.of(
          new AuthApi_Routes(auth, security, limits),
          new UsersApi_Routes(new UsersService(accounts, totp, apiKeys, audit), security, limits),
          new PostsApi_Routes(posts, security, new PostOwnership(posts), limits),
          new AdminApi_Routes(admin, security, limits));
    } catch (RuntimeException e) {
      if (redisStore != null) {
        redisStore.close();
      }
      limits.close();
      storage.close();
      throw e;
    }
    redisTokens = redisStore;
  }

  /** Closes the database pool (the in-memory database goes with it) and the Redis connections. */
  @Override
  public void close() {
    limits.close();
    if (redisTokens != null) {
      try {
        redisTokens.close();
      } catch (Exception e) {
        // closing: nothing left to do
      }
    }
    storage.close();
  }

  /** The prefix of every Redis key ({@value #REDIS_NAMESPACE_ENV}, {@code bulwark-sample} by default). */
  static String redisNamespace(String value) {
    if (value == null || value.isBlank()) {
      return "bulwark-sample";
    }
    if (!value.strip().matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException(REDIS_NAMESPACE_ENV + " must be 1 to 40 letters, digits, '.', '_' or '-', "
          + "such as blog-prod");
    }
    return value.strip();
  }

  /** The trusted proxies from {@value #PROXIES_ENV}; a list that would trust every address is refused. */
  static ClientIpResolver clientIps(String cidrs) {
    if (cidrs == null || cidrs.isBlank()) {
      return ClientIpResolver.builder().build();
    }
    for (String cidr : cidrs.split(",")) {
      String c = cidr.strip();
      if (c.endsWith("/0")) {
        throw new IllegalArgumentException(PROXIES_ENV + " contains " + c + ", which trusts every address: any "
            + "client could then choose its own X-Forwarded-For; list only your load balancers' networks, "
            + "such as 10.0.0.0/8");
      }
    }
    try {
      return ClientIpResolver.builder().trustedProxies(cidrs).build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PROXIES_ENV + ": " + e.getMessage()
          + "; give a comma-separated list of networks such as 10.0.0.0/8, fd00::/8");
    }
  }

  /** Creates the admin account from the command line; there is no default account of any kind. */
  void createAdmin(String email, String password) {
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("--admin-email needs the admin's password in the " + ADMIN_PASSWORD_ENV
          + " environment variable");
    }
    var check = dev.bulwark.auth.password.PasswordPolicy.defaults().check(password, email);
    if (!check.ok()) {
      throw new IllegalArgumentException("the admin password in " + ADMIN_PASSWORD_ENV + " is too weak ("
          + check.problems() + "); use at least 12 characters that are not a common password");
    }
    accounts.add(email, "Administrator", hasher.hash(password), Set.of(Role.user, Role.admin))
        .orElseThrow(() -> new IllegalArgumentException("an account with the e-mail " + email + " exists already"));
  }

  static byte[] secret(String base64) {
    if (base64 == null) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return random;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SECRET_ENV + " is not valid base64; make one with: openssl rand -base64 32");
    }
    if (decoded.length < 32) {
      throw new IllegalArgumentException(SECRET_ENV + " decodes to " + decoded.length
          + " bytes; an HS256 secret needs at least 32 (make one with: openssl rand -base64 32)");
    }
    return decoded;
  }
}
