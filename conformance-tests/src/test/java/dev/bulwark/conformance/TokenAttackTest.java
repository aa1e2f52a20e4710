package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.runtime.server.ServerKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token attack matrix over HTTP (OWASP API2), each attack its own case, on both servers: every forged, expired,
 * misdirected or oversized token is the same 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}, and the
 * implementation never runs.
 */
class TokenAttackTest {
  private static final String PATH = "/api/secure/me";

  static Stream<Arguments> attacks() {
    String valid = Auth.signHs256(Auth.claims("alice"));
    String[] parts = valid.split("\\.");
    String payload = parts[1];
    String adminPayload = Auth.b64("{\"iss\":\"" + Auth.ISSUER + "\",\"aud\":\"" + Auth.AUDIENCE
        + "\",\"sub\":\"alice\",\"roles\":[\"user\",\"admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 300)
        + ",\"jti\":\"x1\"}");
    byte[] rsaPublic = Auth.RSA.getPublic().getEncoded();
    String rsaPem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(rsaPublic) + "\n-----END PUBLIC KEY-----\n";
    String refresh = Auth.login("alice", "user").refreshToken();
    Instant now = Instant.now();
    return Stream.of(
        Arguments.of("alg none", none("none", payload)),
        Arguments.of("alg None", none("None", payload)),
        Arguments.of("alg NONE", none("NONE", payload)),
        Arguments.of("alg nOnE", none("nOnE", payload)),
        Arguments.of("RS256 to HS256 key confusion (DER)", Auth.claims("alice").withKeyId("rs-1").sign(Algorithm.HMAC256(rsaPublic))),
        Arguments.of("RS256 to HS256 key confusion (PEM)",
            Auth.claims("alice").withKeyId("rs-1").sign(Algorithm.HMAC256(rsaPem.getBytes(StandardCharsets.UTF_8)))),
        Arguments.of("stripped signature", parts[0] + "." + parts[1] + "."),
        Arguments.of("no signature part", parts[0] + "." + parts[1]),
        Arguments.of("tampered payload (role escalation)", parts[0] + "." + adminPayload + "." + parts[2]),
        Arguments.of("signature of another token", parts[0] + "." + parts[1] + "." + Auth.signHs256(Auth.claims("bob")).split("\\.")[2]),
        Arguments.of("kid names no key", Auth.signHs256(Auth.claims("alice").withKeyId("hs-9"))),
        Arguments.of("kid path traversal", Auth.signHs256(Auth.claims("alice").withKeyId("../../../../dev/null"))),
        Arguments.of("kid SQL injection", Auth.signHs256(Auth.claims("alice").withKeyId("' OR '1'='1"))),
        Arguments.of("jku header", Auth.signHs256(Auth.claims("alice").withHeader(Map.of("typ", "at+jwt", "jku", "http://127.0.0.1:1/jwks")))),
        Arguments.of("x5u header", Auth.signHs256(Auth.claims("alice").withHeader(Map.of("typ", "at+jwt", "x5u", "http://127.0.0.1:1/cert")))),
        Arguments.of("embedded jwk", Auth.signHs256(Auth.claims("alice").withHeader(Map.of("typ", "at+jwt",
            "jwk", Map.of("kty", "oct", "k", Base64.getUrlEncoder().withoutPadding().encodeToString(Auth.HMAC_SECRET)))))),
        Arguments.of("another key with the same kid", Auth.claims("alice").sign(Algorithm.HMAC256("another-secret-of-at-least-thirty-two-bytes"))),
        Arguments.of("expired", Auth.signHs256(Auth.claims("alice").withExpiresAt(now.minusSeconds(3600)).withIssuedAt(now.minusSeconds(7200)).withNotBefore(now.minusSeconds(7200)))),
        Arguments.of("not yet valid", Auth.signHs256(Auth.claims("alice").withNotBefore(now.plusSeconds(3600)))),
        Arguments.of("no exp", Auth.signHs256(Auth.claims("alice").withClaim("exp", (Long) null))),
        Arguments.of("wrong issuer", Auth.signHs256(Auth.claims("alice").withIssuer("https://evil.test"))),
        Arguments.of("wrong audience", Auth.signHs256(Auth.claims("alice").withAudience("another-api"))),
        Arguments.of("unknown crit", Auth.signHs256(Auth.claims("alice").withHeader(Map.of("typ", "at+jwt", "crit", List.of("exp-policy"), "exp-policy", "x")))),
        Arguments.of("not an access token (typ JWT)", Auth.signHs256(Auth.claims("alice").withHeader(Map.of("typ", "JWT")))),
        Arguments.of("refresh token used as access token", refresh),
        Arguments.of("oversized", Auth.signHs256(Auth.claims("alice").withClaim("pad", "x".repeat(4500)))),
        Arguments.of("garbage", "not-a-jwt"),
        Arguments.of("empty bearer", ""));
  }

  private static String none(String alg, String payload) {
    return Auth.b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\",\"kid\":\"hs-1\"}") + "." + payload + ".";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void attackIs401OnJdk(String name, String token) {
    attack(ServerKind.JDK, token);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void attackIs401OnJavalin(String name, String token) {
    attack(ServerKind.JAVALIN, token);
  }

  private static void attack(ServerKind kind, String token) {
    int before = Servers.DOCS.calls.size();
    Http.Response r = Http.send(kind, "GET", PATH, null, null, "Authorization", "Bearer " + token);
    JsonNode body = problem(r, 401);
    assertEquals("Bearer error=\"invalid_token\"", r.header("WWW-Authenticate").orElse(null));
    assertEquals(before, Servers.DOCS.calls.size(), "the implementation ran for a refused token");
    assertEquals(referenceBody(kind), Assertions2.withoutRequestId(body), "a refusal said more than the others");
    assertFalse(r.body().toLowerCase().contains("expired") || r.body().contains("signature") || r.body().contains("alg"),
        r.body());
  }

  private static JsonNode referenceBody(ServerKind kind) {
    return Assertions2.withoutRequestId(Http.send(kind, "GET", PATH, null, null, "Authorization", "Bearer x.y.z").json());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void otherSchemesAndMalformedHeadersAre401(ServerKind kind) {
    for (String header : new String[] {"Basic YWxpY2U6cGFzc3dvcmQ=", "Bearer", "Bearer  two  spaces", "Token abc",
        "bearer" + " x".repeat(2100)}) {
      problem(Http.send(kind, "GET", PATH, null, null, "Authorization", header), 401);
    }
  }

  @Test
  void theValidTokenOfTheMatrixWorks() {
    String valid = Auth.signHs256(Auth.claims("alice"));
    for (ServerKind kind : ServerKind.values()) {
      assertEquals(200, Http.send(kind, "GET", PATH, null, null, "Authorization", "Bearer " + valid).status());
    }
  }
}
