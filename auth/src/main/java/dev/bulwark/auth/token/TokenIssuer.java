package dev.bulwark.auth.token;

import static dev.bulwark.auth.AuthenticationException.Reason.EXPIRED;
import static dev.bulwark.auth.AuthenticationException.Reason.INVALID_CREDENTIALS;
import static dev.bulwark.auth.AuthenticationException.Reason.MISSING_CREDENTIALS;
import static dev.bulwark.auth.AuthenticationException.Reason.REFRESH_REUSED;
import static dev.bulwark.auth.AuthenticationException.Reason.REVOKED;
import static dev.bulwark.auth.AuthenticationException.Reason.TOO_LARGE;
import static dev.bulwark.auth.AuthenticationException.Reason.WRONG_TOKEN_TYPE;

import com.auth0.jwt.JWT;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Principal;
import dev.bulwark.auth.jwt.JwtKey;
import dev.bulwark.auth.jwt.JwtVerifier;
import dev.bulwark.auth.jwt.KeySet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mints access tokens and rotating refresh tokens, and revokes them. Thread-safe; build one at start-up.
 *
 * <pre>{@code
 * TokenIssuer issuer = TokenIssuer.builder(keys, "k1").issuer("https://auth.example.com")
 *     .audience("posts-api").store(store).build();
 * TokenPair pair = issuer.issue("user-42", Set.of("user"));     // login
 * TokenPair next = issuer.refresh(pair.refreshToken());         // the old refresh token is now spent
 * issuer.logout(principal, next.refreshToken());                // both tokens stop working
 * JwtVerifier verifier = issuer.verifierBuilder().build();      // same keys, iss, aud, denylist
 * }</pre>
 *
 * <p>An access token is a JWT with {@code typ: at+jwt}, {@code kid}, {@code iss}, {@code aud}, {@code sub},
 * {@code jti} (128 random bits), {@code iat}, {@code nbf}, {@code exp}, the roles and the scopes. A refresh
 * token is opaque; presenting a spent one revokes its family and fails with {@code REFRESH_REUSED}.
 */
public final class TokenIssuer {

  // Nothing is parsed, so the cap only has to keep junk out of the store and the logs.
  private static final int MAX_REFRESH_TOKEN_LENGTH = 8 * 1024;
  private static final Set<String> RESERVED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scope",
      "typ", "kid", "cnf", "act");

  private final KeySet keys;
  private final JwtKey signingKey;
  private final String issuer;
  private final String audience;
  private final Duration accessTtl;
  private final Duration refreshTtl;
  private final Duration sessionLifetime;
  private final String rolesClaim;
  private final TokenStore store;
  private final Clock clock;
  private final RefreshTokens tokens;
  private final java.util.function.Function<String, Map<String, String>> claims;

  private TokenIssuer(Builder b) {
    this.keys = b.keys;
    this.signingKey = b.signingKey;
    this.issuer = b.issuer;
    this.audience = b.audience;
    this.accessTtl = b.accessTtl;
    this.refreshTtl = b.refreshTtl;
    this.sessionLifetime = b.sessionLifetime;
    this.rolesClaim = b.rolesClaim;
    this.store = b.store;
    this.clock = b.clock;
    this.tokens = new RefreshTokens(b.random);
    this.claims = b.claims;
  }

  /** A builder that signs with the key {@code signingKid} of {@code keys}. */
  public static Builder builder(KeySet keys, String signingKid) {
    return new Builder(keys, signingKid);
  }

  /** A new session (login): a fresh access token and the first refresh token of a new family. */
  public TokenPair issue(String subject, Set<String> roles) {
    return issue(subject, roles, Set.of());
  }

  /** A new session (login) with scopes. */
  public TokenPair issue(String subject, Set<String> roles, Set<String> scopes) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("a token needs a non-blank subject");
    }
    Instant now = clock.instant();
    return mint(subject, roles, scopes, tokens.newId(), now.plus(sessionLifetime), now);
  }

  /**
   * Spends {@code refreshToken} and returns the next pair of its family. A spent token revokes the family
   * ({@code REFRESH_REUSED}); an access token here is {@code WRONG_TOKEN_TYPE}; anything else unknown is
   * {@code INVALID_CREDENTIALS}.
   */
  public TokenPair refresh(String refreshToken) throws AuthenticationException {
    String hash = hashOf(refreshToken);
    SpendResult result = store.spend(hash);
    switch (result.status()) {
      case SPENT -> {
        RefreshGrant grant = result.grant().orElseThrow();
        return mint(grant.subject(), grant.roles(), grant.scopes(), grant.familyId(), grant.familyExpiresAt(),
            clock.instant());
      }
      case REUSED -> throw new AuthenticationException(REFRESH_REUSED);
      case REVOKED -> throw new AuthenticationException(REVOKED);
      case EXPIRED -> throw new AuthenticationException(EXPIRED);
      default -> throw new AuthenticationException(INVALID_CREDENTIALS);
    }
  }

  /**
   * Logout by ids: denies the access token {@code accessTokenId} until any token this issuer minted with it has
   * expired, and revokes the family of {@code refreshToken} (either may be null).
   */
  public void logout(String accessTokenId, String refreshToken) {
    if (accessTokenId != null && !accessTokenId.isBlank()) {
      store.deny(accessTokenId, clock.instant().plus(accessTtl).plus(JwtVerifier.Builder.MAX_LEEWAY));
    }
    refreshFamily(refreshToken).ifPresent(grant -> store.revokeFamily(grant.familyId()));
  }

  /**
   * Logout of an authenticated caller: denies the caller's access token, and revokes {@code refreshToken}'s
   * family only when it belongs to the same subject (so one user cannot end another's session).
   */
  public void logout(Principal caller, String refreshToken) {
    Objects.requireNonNull(caller, "caller");
    if (caller.tokenId() != null) {
      store.deny(caller.tokenId(), denyUntil(caller));
    }
    refreshFamily(refreshToken)
        .filter(grant -> grant.subject().equals(caller.id()))
        .ifPresent(grant -> store.revokeFamily(grant.familyId()));
  }

  /** A verifier builder with this issuer's keys, issuer, audience, roles claim, clock and store as denylist. */
  public JwtVerifier.Builder verifierBuilder() {
    return JwtVerifier.builder(keys).issuer(issuer).audience(audience).rolesClaim(rolesClaim)
        .denylist(store).clock(clock);
  }

  /** The access-token lifetime. */
  public Duration accessTtl() {
    return accessTtl;
  }

  private TokenPair mint(String subject, Set<String> roles, Set<String> scopes, String familyId,
      Instant familyExpiresAt, Instant now) {
    String jti = tokens.newId();
    Instant accessExpiry = now.plus(accessTtl);
    var builder = JWT.create()
        .withHeader(Map.of("typ", JwtVerifier.ACCESS_TOKEN_TYPE))
        .withIssuer(issuer)
        .withAudience(audience)
        .withSubject(subject)
        .withJWTId(jti)
        .withIssuedAt(now)
        .withNotBefore(now)
        .withExpiresAt(accessExpiry)
        // Sorted so that the same grant always yields the same claim order.
        .withArrayClaim(rolesClaim, new TreeSet<>(roles == null ? Set.of() : roles).toArray(String[]::new));
    if (scopes != null && !scopes.isEmpty()) {
      builder.withClaim("scope", String.join(" ", new TreeSet<>(scopes)));
    }
    if (claims != null) {
      Map<String, String> extra = claims.apply(subject);
      if (extra != null) {
        for (Map.Entry<String, String> claim : new java.util.TreeMap<>(extra).entrySet()) {
          if (RESERVED_CLAIMS.contains(claim.getKey()) || claim.getKey().equals(rolesClaim)) {
            throw new IllegalStateException("TokenIssuer claims(...) returned the reserved claim '" + claim.getKey()
                + "'; extra claims may not replace the registered or role claims");
          }
          builder.withClaim(claim.getKey(), claim.getValue());
        }
      }
    }
    String accessToken = signingKey.sign(builder);

    String refreshToken = tokens.newToken();
    Instant refreshExpiry = now.plus(refreshTtl);
    if (refreshExpiry.isAfter(familyExpiresAt)) {
      refreshExpiry = familyExpiresAt;
    }
    store.save(new RefreshGrant(RefreshTokens.hash(refreshToken), familyId, subject, roles, scopes, refreshExpiry,
        familyExpiresAt));
    return new TokenPair(accessToken, jti, refreshToken, accessTtl);
  }

  private Instant denyUntil(Principal caller) {
    Object exp = caller.claims().get("exp");
    Instant fallback = clock.instant().plus(accessTtl);
    Instant until = exp instanceof Long seconds ? Instant.ofEpochSecond(seconds) : fallback;
    return until.plus(JwtVerifier.Builder.MAX_LEEWAY);
  }

  private java.util.Optional<RefreshGrant> refreshFamily(String refreshToken) {
    if (refreshToken == null || !RefreshTokens.wellFormed(refreshToken)) {
      return java.util.Optional.empty();
    }
    return store.find(RefreshTokens.hash(refreshToken));
  }

  private static String hashOf(String refreshToken) throws AuthenticationException {
    if (refreshToken == null || refreshToken.isEmpty()) {
      throw new AuthenticationException(MISSING_CREDENTIALS);
    }
    if (refreshToken.length() > MAX_REFRESH_TOKEN_LENGTH) {
      throw new AuthenticationException(TOO_LARGE);
    }
    if (!RefreshTokens.wellFormed(refreshToken)) {
      // A JWT (three dot-separated parts) is an access token presented as a refresh token.
      throw new AuthenticationException(refreshToken.indexOf('.') >= 0 ? WRONG_TOKEN_TYPE : INVALID_CREDENTIALS);
    }
    return RefreshTokens.hash(refreshToken);
  }

  /** Configures a {@link TokenIssuer}; {@link #build()} fails fast on unsafe settings. */
  public static final class Builder {
    private final KeySet keys;
    private final JwtKey signingKey;
    private String issuer;
    private String audience;
    private Duration accessTtl = Duration.ofMinutes(15);
    private Duration refreshTtl = Duration.ofDays(7);
    private Duration sessionLifetime = Duration.ofDays(30);
    private String rolesClaim = "roles";
    private TokenStore store;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private java.util.function.Function<String, Map<String, String>> claims;

    private Builder(KeySet keys, String signingKid) {
      this.keys = Objects.requireNonNull(keys, "keys");
      this.signingKey = keys.byKid(signingKid).orElseThrow(() -> new IllegalArgumentException(
          "TokenIssuer signing kid '" + signingKid + "' is not in the key set " + keys));
      if (!signingKey.canSign()) {
        throw new IllegalArgumentException("TokenIssuer signing key '" + signingKid
            + "' has no private key; give JwtKey.rsa/ec the private key too, or use an HMAC key");
      }
    }

    /** The {@code iss} of every token (required). */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** The {@code aud} of every token (required). */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /** Access-token lifetime: 15 minutes by default, 1 minute to 1 hour. */
    public Builder accessTtl(Duration accessTtl) {
      this.accessTtl = accessTtl;
      return this;
    }

    /** Lifetime of each refresh token: 7 days by default. */
    public Builder refreshTtl(Duration refreshTtl) {
      this.refreshTtl = refreshTtl;
      return this;
    }

    /** Absolute lifetime of a login, however often it refreshes: 30 days by default. */
    public Builder sessionLifetime(Duration sessionLifetime) {
      this.sessionLifetime = sessionLifetime;
      return this;
    }

    /** The claim that carries the roles: {@code "roles"} by default (keep it equal to the verifier's). */
    public Builder rolesClaim(String rolesClaim) {
      this.rolesClaim = rolesClaim;
      return this;
    }

    /** Where refresh families and denied jtis live (required). */
    public Builder store(TokenStore store) {
      this.store = store;
      return this;
    }

    /**
     * Extra string claims for a subject's access tokens, looked up at every login and refresh (so a change, such as
     * a new {@code plan}, takes effect at the next refresh): a tier for rate limits, say. The registered claims,
     * {@code scope} and the roles claim cannot be set this way.
     */
    public Builder claims(java.util.function.Function<String, Map<String, String>> claimsForSubject) {
      this.claims = Objects.requireNonNull(claimsForSubject, "claimsForSubject");
      return this;
    }

    /** The clock; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The CSPRNG for token ids and refresh tokens; a new {@link SecureRandom} by default. */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The issuer; throws {@link IllegalStateException} saying what to fix when the configuration is unsafe. */
    public TokenIssuer build() {
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalStateException("TokenIssuer needs an issuer: call issuer(\"https://your-issuer\")");
      }
      if (audience == null || audience.isBlank()) {
        throw new IllegalStateException("TokenIssuer needs an audience: call audience(\"your-api\")");
      }
      if (store == null) {
        throw new IllegalStateException("TokenIssuer needs a TokenStore: call store(new InMemoryTokenStore()) "
            + "or give a shared store");
      }
      if (accessTtl == null || accessTtl.compareTo(Duration.ofMinutes(1)) < 0
          || accessTtl.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalStateException("TokenIssuer accessTtl must be between 1 minute and 1 hour (was " + accessTtl
            + "); keep access tokens short-lived and use refresh tokens");
      }
      if (refreshTtl == null || refreshTtl.compareTo(accessTtl) <= 0) {
        throw new IllegalStateException("TokenIssuer refreshTtl must be longer than accessTtl (was " + refreshTtl + ")");
      }
      if (sessionLifetime == null || sessionLifetime.compareTo(refreshTtl) < 0) {
        throw new IllegalStateException("TokenIssuer sessionLifetime must be at least refreshTtl (was "
            + sessionLifetime + ")");
      }
      if (rolesClaim == null || rolesClaim.isBlank()) {
        throw new IllegalStateException("TokenIssuer rolesClaim must name a claim, for example \"roles\"");
      }
      if (random == null) {
        random = new SecureRandom();
      }
      return new TokenIssuer(this);
    }
  }
}
