package dev.bulwark.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Access tokens forged with the sample's own HS256 secret (the suite sets it), to vary one property at a time. */
final class Tokens {
  private Tokens() {}

  /** The claims of a genuine access token for {@code subject} with {@code roles}, valid for five minutes. */
  static JWTCreator.Builder claims(String subject, String... roles) {
    Instant now = Instant.now();
    return JWT.create().withHeader(Map.of("typ", "at+jwt")).withKeyId("sample-1")
        .withIssuer(SampleUnderTest.ISSUER).withAudience(SampleUnderTest.AUDIENCE).withSubject(subject)
        .withJWTId(UUID.randomUUID().toString()).withIssuedAt(now).withNotBefore(now)
        .withExpiresAt(now.plusSeconds(300)).withArrayClaim("roles", roles);
  }

  static String sign(JWTCreator.Builder claims) {
    return Oracle.secret(claims.sign(Algorithm.HMAC256(SampleUnderTest.JWT_SECRET)));
  }

  /** A genuine token for {@code subject} with exactly {@code roles}. */
  static String forge(String subject, String... roles) {
    return sign(claims(subject, roles));
  }

  static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
