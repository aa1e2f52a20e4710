package dev.bulwark.conformance;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.bulwark.auth.apikey.ApiKeys;
import dev.bulwark.auth.apikey.CreatedApiKey;
import dev.bulwark.auth.apikey.InMemoryApiKeyStore;
import dev.bulwark.auth.audit.AuditLog;
import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.auth.jwt.JwtKey;
import dev.bulwark.auth.jwt.JwtVerifier;
import dev.bulwark.auth.jwt.KeySet;
import dev.bulwark.auth.token.InMemoryTokenStore;
import dev.bulwark.auth.token.TokenIssuer;
import dev.bulwark.auth.token.TokenPair;
import dev.bulwark.runtime.security.Security;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/** The suite's keys, token issuer and security configuration, and a way to forge tokens for attacks. */
final class Auth {
  static final String ISSUER = "https://issuer.test";
  static final String AUDIENCE = "bulwark-conformance";
  static final byte[] HMAC_SECRET = "conformance-secret-that-is-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
  static final KeyPair RSA = rsa();
  static final KeySet KEYS = KeySet.of(
      JwtKey.hmac("hs-1", JwsAlgorithm.HS256, HMAC_SECRET),
      JwtKey.rsa("rs-1", (RSAPublicKey) RSA.getPublic(), (RSAPrivateKey) RSA.getPrivate()));
  static final TokenIssuer ISSUER_SERVICE = TokenIssuer.builder(KEYS, "hs-1").issuer(ISSUER).audience(AUDIENCE)
      .store(new InMemoryTokenStore(Clock.systemUTC(), 10_000)).build();
  static final ApiKeys API_KEYS = ApiKeys.create(new InMemoryApiKeyStore(), Clock.systemUTC());
  static final JwtVerifier VERIFIER = ISSUER_SERVICE.verifierBuilder().build();
  static final Security SECURITY = Security.builder().jwt(VERIFIER)
      .apiKeys(API_KEYS, owner -> owner.equals("alice") ? Set.of("user") : Set.of()).audit(AuditLog.slf4j()).build();

  private Auth() {}

  static TokenPair login(String user, String... roles) {
    return ISSUER_SERVICE.issue(user, Set.of(roles));
  }

  static CreatedApiKey apiKey(String owner, String... scopes) {
    return API_KEYS.create(owner, Set.of(scopes));
  }

  /** A token with the right shape, claims and signature unless the test changes them. */
  static JWTCreator.Builder claims(String subject) {
    Instant now = Instant.now();
    return JWT.create().withHeader(Map.of("typ", "at+jwt")).withKeyId("hs-1").withIssuer(ISSUER).withAudience(AUDIENCE)
        .withSubject(subject).withIssuedAt(now).withNotBefore(now.minusSeconds(5)).withExpiresAt(now.plusSeconds(300))
        .withJWTId(Long.toHexString(System.nanoTime())).withArrayClaim("roles", new String[] {"user"});
  }

  static String signHs256(JWTCreator.Builder builder) {
    return builder.sign(Algorithm.HMAC256(HMAC_SECRET));
  }

  static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
