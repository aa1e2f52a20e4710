package dev.bulwark.auth.jwt;

import static dev.bulwark.auth.AuthenticationException.Reason.EXPIRED;
import static dev.bulwark.auth.AuthenticationException.Reason.MALFORMED;
import static dev.bulwark.auth.AuthenticationException.Reason.MISSING_CLAIM;
import static dev.bulwark.auth.AuthenticationException.Reason.MISSING_CREDENTIALS;
import static dev.bulwark.auth.AuthenticationException.Reason.NOT_YET_VALID;
import static dev.bulwark.auth.AuthenticationException.Reason.REVOKED;
import static dev.bulwark.auth.AuthenticationException.Reason.TOO_LARGE;
import static dev.bulwark.auth.AuthenticationException.Reason.WRONG_AUDIENCE;
import static dev.bulwark.auth.AuthenticationException.Reason.WRONG_ISSUER;
import static dev.bulwark.auth.AuthenticationException.Reason.WRONG_TOKEN_TYPE;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.auth.AuthMethod;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Verifies Bearer access tokens and turns them into a {@link Principal}. Thread-safe; build one at start-up.
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.builder(KeySet.of(JwtKey.hmac("k1", JwsAlgorithm.HS256, secret)))
 *     .issuer("https://auth.example.com").audience("posts-api").denylist(tokenStore).build();
 * Principal me = verifier.verify(token);   // throws AuthenticationException with a reason code
 * }</pre>
 *
 * <p>Checks, in order: size cap (before any parsing), strict compact JWS, header policy (no {@code jku},
 * {@code x5u}, {@code jwk}, {@code x5c}, {@code b64}, no {@code crit}), key by {@code kid}, pinned algorithm,
 * signature (java-jwt), {@code typ} header {@code at+jwt} (RFC 9068), then the claims: {@code exp} required,
 * {@code nbf} and {@code iat} not in the future, {@code iss} and {@code aud} equal to the configured ones,
 * {@code sub} required, and the {@code jti} not on the denylist. Every leeway is the same, at most 60 s.
 */
public final class JwtVerifier {

  /** The RFC 9068 media type of a JWT access token, as its {@code typ} header. */
  public static final String ACCESS_TOKEN_TYPE = "at+jwt";

  private final JwsCheck jws;
  private final String issuer;
  private final String audience;
  private final Duration leeway;
  private final int maxTokenLength;
  private final String rolesClaim;
  private final JtiDenylist denylist;
  private final Clock clock;

  private JwtVerifier(Builder b) {
    this.jws = new JwsCheck(b.keys);
    this.issuer = b.issuer;
    this.audience = b.audience;
    this.leeway = b.leeway;
    this.maxTokenLength = b.maxTokenLength;
    this.rolesClaim = b.rolesClaim;
    this.denylist = b.denylist;
    this.clock = b.clock;
  }

  /** A builder over the configured keys; issuer and audience must be set before {@link Builder#build()}. */
  public static Builder builder(KeySet keys) {
    return new Builder(keys);
  }

  /**
   * Verifies {@code token} (the Bearer value, without the scheme) and returns its principal.
   *
   * @throws AuthenticationException with the reason; its message is the reason code only
   */
  public Principal verify(String token) throws AuthenticationException {
    if (token == null || token.isEmpty()) {
      throw new AuthenticationException(MISSING_CREDENTIALS);
    }
    if (token.length() > maxTokenLength) {
      throw new AuthenticationException(TOO_LARGE);
    }
    Checked checked;
    try {
      checked = check(token);
    } catch (RuntimeException e) {
      // Attacker-controlled input must never escape as an unchecked exception (a 500, a stack trace): a value
      // the libraries choke on (an exp past year 1e9, a number too big for a long) is a malformed token.
      throw new AuthenticationException(MALFORMED, e);
    }
    DecodedJWT jwt = checked.jwt();
    ObjectNode claims = checked.claims();
    String jti = jwt.getId();
    if (denylist != null) {
      if (jti == null || jti.isBlank()) {
        // Without a jti a token could never be revoked, so a verifier with a denylist refuses it.
        throw new AuthenticationException(MISSING_CLAIM);
      }
      if (denylist.isDenied(jti)) {
        throw new AuthenticationException(REVOKED);
      }
    }
    return new Principal(jwt.getSubject(), ClaimReader.strings(claims.get(rolesClaim)), ClaimReader.scopes(claims),
        StrictJson.toJava(claims), AuthMethod.JWT, jti);
  }

  /** Everything up to the claims a principal is built from; may throw unchecked on hostile input. */
  private Checked check(String token) throws AuthenticationException {
    VerifiedJws verified = jws.verify(token);
    checkType(verified.header());
    ObjectNode claims = StrictJson.object(verified.payload())
        .orElseThrow(() -> new AuthenticationException(MALFORMED));
    DecodedJWT jwt;
    try {
      jwt = JWT.decode(token);
    } catch (JWTDecodeException e) {
      throw new AuthenticationException(MALFORMED, e);
    }
    checkTimes(jwt);
    checkIssuerAndAudience(jwt);
    String subject = jwt.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new AuthenticationException(MISSING_CLAIM);
    }
    return new Checked(jwt, claims);
  }

  private record Checked(DecodedJWT jwt, ObjectNode claims) {}

  private static void checkType(ObjectNode header) throws AuthenticationException {
    JsonNode typ = header.get("typ");
    if (typ == null || !typ.isTextual()) {
      throw new AuthenticationException(WRONG_TOKEN_TYPE);
    }
    // RFC 7515 4.1.9: compare case-insensitively, and "application/" may be omitted.
    String value = typ.textValue().toLowerCase(Locale.ROOT);
    if (!value.equals(ACCESS_TOKEN_TYPE) && !value.equals("application/" + ACCESS_TOKEN_TYPE)) {
      throw new AuthenticationException(WRONG_TOKEN_TYPE);
    }
  }

  private void checkTimes(DecodedJWT jwt) throws AuthenticationException {
    Instant now = clock.instant();
    Instant exp = jwt.getExpiresAtAsInstant();
    if (exp == null) {
      throw new AuthenticationException(MISSING_CLAIM); // java-jwt would accept a token that never expires
    }
    if (!now.isBefore(exp.plus(leeway))) {
      throw new AuthenticationException(EXPIRED);
    }
    Instant nbf = jwt.getNotBeforeAsInstant();
    if (nbf != null && now.plus(leeway).isBefore(nbf)) {
      throw new AuthenticationException(NOT_YET_VALID);
    }
    Instant iat = jwt.getIssuedAtAsInstant();
    if (iat != null && now.plus(leeway).isBefore(iat)) {
      throw new AuthenticationException(NOT_YET_VALID);
    }
  }

  private void checkIssuerAndAudience(DecodedJWT jwt) throws AuthenticationException {
    String iss = jwt.getIssuer();
    if (iss == null) {
      throw new AuthenticationException(MISSING_CLAIM);
    }
    if (!iss.equals(issuer)) {
      throw new AuthenticationException(WRONG_ISSUER);
    }
    List<String> aud = jwt.getAudience();
    if (aud == null || aud.isEmpty()) {
      throw new AuthenticationException(MISSING_CLAIM);
    }
    if (!aud.contains(audience)) {
      throw new AuthenticationException(WRONG_AUDIENCE);
    }
  }

  @Override
  public String toString() {
    return "JwtVerifier[iss=" + issuer + ", aud=" + audience + ", leeway=" + leeway + "]";
  }

  /** Configures a {@link JwtVerifier}; {@link #build()} fails fast on unsafe settings. */
  public static final class Builder {
    /** The largest leeway Bulwark allows; clocks that drift more need fixing, not a wider window. */
    public static final Duration MAX_LEEWAY = Duration.ofSeconds(60);
    /** The default cap on a token's length, in characters. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 8 * 1024;

    private final KeySet keys;
    private String issuer;
    private String audience;
    private Duration leeway = Duration.ofSeconds(30);
    private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
    private String rolesClaim = "roles";
    private JtiDenylist denylist;
    private Clock clock = Clock.systemUTC();

    private Builder(KeySet keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The exact {@code iss} every token must carry (required). */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** The audience every token's {@code aud} must contain (required). */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /** Clock skew allowed on {@code exp}, {@code nbf} and {@code iat}; 0 to 60 s, 30 s by default. */
    public Builder leeway(Duration leeway) {
      this.leeway = leeway;
      return this;
    }

    /** The longest token accepted, in characters, checked before any parsing; 8 KiB by default. */
    public Builder maxTokenLength(int maxTokenLength) {
      this.maxTokenLength = maxTokenLength;
      return this;
    }

    /** The claim holding the caller's roles as an array of strings; {@code "roles"} by default. */
    public Builder rolesClaim(String rolesClaim) {
      this.rolesClaim = rolesClaim;
      return this;
    }

    /** Revoked token ids to refuse (logout); with one set, every token must carry a {@code jti}. */
    public Builder denylist(JtiDenylist denylist) {
      this.denylist = denylist;
      return this;
    }

    /** The clock for {@code exp}, {@code nbf} and {@code iat}; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The verifier; throws {@link IllegalStateException} saying what to fix when the configuration is unsafe. */
    public JwtVerifier build() {
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalStateException("JwtVerifier needs an issuer: call issuer(\"https://your-issuer\") with the "
            + "exact iss value your tokens carry");
      }
      if (audience == null || audience.isBlank()) {
        throw new IllegalStateException("JwtVerifier needs an audience: call audience(\"your-api\") so tokens minted "
            + "for another service are refused");
      }
      if (leeway == null || leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
        throw new IllegalStateException("JwtVerifier leeway must be between 0 and 60 seconds (was " + leeway
            + "); fix the clocks instead of widening the window");
      }
      if (maxTokenLength < 256 || maxTokenLength > 64 * 1024) {
        throw new IllegalStateException("JwtVerifier maxTokenLength must be between 256 and 65536 characters (was "
            + maxTokenLength + ")");
      }
      if (rolesClaim == null || rolesClaim.isBlank()) {
        throw new IllegalStateException("JwtVerifier rolesClaim must name a claim, for example \"roles\"");
      }
      return new JwtVerifier(this);
    }
  }
}
