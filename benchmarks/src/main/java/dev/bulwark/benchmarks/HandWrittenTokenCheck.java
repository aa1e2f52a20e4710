package dev.bulwark.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.List;

/**
 * Token verification as a team writes it with java-jwt directly: the algorithm pinned, issuer, audience, {@code exp}
 * and {@code sub} required, 30 s of leeway, the {@code at+jwt} type and the roles claim. The same checks Bulwark's
 * verifier makes on a well-formed token, without its strict re-parsing of header and payload, {@code crit} and
 * key-carrying header refusal, or the immutable principal of every claim.
 */
public final class HandWrittenTokenCheck {
  /** The caller a verified token names. */
  public record Caller(String subject, List<String> roles) {}

  private final JWTVerifier verifier;

  public HandWrittenTokenCheck(Algorithm algorithm) {
    this.verifier = JWT.require(algorithm)
        .withIssuer(BenchKeys.ISSUER)
        .withAudience(BenchKeys.AUDIENCE)
        .withClaimPresence("exp")
        .withClaimPresence("sub")
        .acceptLeeway(30)
        .build();
  }

  /** The caller, or null when the token is refused (the caller answers 401). */
  public Caller verify(String token) {
    if (token == null || token.length() > 8192) {
      return null;
    }
    try {
      DecodedJWT jwt = verifier.verify(token);
      String typ = jwt.getType();
      if (typ == null || !typ.equalsIgnoreCase("at+jwt")) {
        return null;
      }
      List<String> roles = jwt.getClaim("roles").asList(String.class);
      return new Caller(jwt.getSubject(), roles == null ? List.of() : roles);
    } catch (JWTVerificationException e) {
      return null;
    }
  }
}
