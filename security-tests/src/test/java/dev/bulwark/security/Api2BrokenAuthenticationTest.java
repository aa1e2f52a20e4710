package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.security.SampleUnderTest.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OWASP API2:2023 Broken Authentication: the token attack matrix against a secured endpoint (each forged, expired,
 * misdirected, revoked or misused token is the same 401 as any other), brute force against login (429 once the
 * per-account failure budget is spent, even for the right password), refresh-token reuse revoking the family, and no
 * account enumeration through login (the same status and body for an unknown account and a wrong password).
 */
class Api2BrokenAuthenticationTest extends SuiteBase {
  private static final String ME = "/api/users/me";

  /** Each attack, by name: the token it sends. The genuine token it is derived from works (checked first). */
  static Map<String, String> attacks(SampleUnderTest app, User user) {
    String valid = Tokens.forge(user.id(), "user");
    String[] parts = valid.split("\\.");
    Instant now = Instant.now();
    String adminPayload = Tokens.b64("{\"iss\":\"" + SampleUnderTest.ISSUER + "\",\"aud\":\"" + SampleUnderTest.AUDIENCE
        + "\",\"sub\":\"" + user.id() + "\",\"roles\":[\"user\",\"admin\"],\"exp\":" + (now.getEpochSecond() + 300)
        + ",\"jti\":\"x1\"}");
    Map<String, String> a = new LinkedHashMap<>();
    for (String alg : List.of("none", "None", "NONE", "nOnE")) {
      a.put("alg " + alg, Tokens.b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\",\"kid\":\"sample-1\"}") + "." + parts[1] + ".");
    }
    a.put("HS384 with the right secret", Tokens.claims(user.id(), "user").sign(Algorithm.HMAC384(SampleUnderTest.JWT_SECRET)));
    a.put("HS512 with the right secret", Tokens.claims(user.id(), "user").sign(Algorithm.HMAC512(SampleUnderTest.JWT_SECRET)));
    a.put("wrong key", Tokens.claims(user.id(), "user").sign(Algorithm.HMAC256("another secret of at least thirty-two bytes")));
    a.put("stripped signature", parts[0] + "." + parts[1] + ".");
    a.put("no signature part", parts[0] + "." + parts[1]);
    a.put("tampered payload (role escalation)", parts[0] + "." + adminPayload + "." + parts[2]);
    a.put("signature of another token", parts[0] + "." + parts[1] + "." + Tokens.forge("u2", "user").split("\\.")[2]);
    a.put("kid names no key", Tokens.sign(Tokens.claims(user.id(), "user").withKeyId("sample-2")));
    a.put("kid path traversal", Tokens.sign(Tokens.claims(user.id(), "user").withKeyId("../../../../dev/null")));
    a.put("jku header", Tokens.sign(Tokens.claims(user.id(), "user")
        .withHeader(Map.of("typ", "at+jwt", "jku", "http://127.0.0.1:1/jwks"))));
    a.put("embedded jwk", Tokens.sign(Tokens.claims(user.id(), "user").withHeader(Map.of("typ", "at+jwt",
        "jwk", Map.of("kty", "oct", "k", Base64.getUrlEncoder().withoutPadding().encodeToString(SampleUnderTest.JWT_SECRET))))));
    a.put("unknown crit", Tokens.sign(Tokens.claims(user.id(), "user")
        .withHeader(Map.of("typ", "at+jwt", "crit", List.of("exp-policy"), "exp-policy", "x"))));
    a.put("expired", Tokens.sign(Tokens.claims(user.id(), "user").withExpiresAt(now.minusSeconds(3600))
        .withIssuedAt(now.minusSeconds(7200)).withNotBefore(now.minusSeconds(7200))));
    a.put("expired within a day", Tokens.sign(Tokens.claims(user.id(), "user").withExpiresAt(now.minusSeconds(120))));
    a.put("not yet valid", Tokens.sign(Tokens.claims(user.id(), "user").withNotBefore(now.plusSeconds(3600))));
    a.put("no exp", Tokens.sign(Tokens.claims(user.id(), "user").withClaim("exp", (Long) null)));
    a.put("wrong issuer", Tokens.sign(Tokens.claims(user.id(), "user").withIssuer("https://evil.example")));
    a.put("no issuer", Tokens.sign(Tokens.claims(user.id(), "user").withClaim("iss", (String) null)));
    a.put("wrong audience", Tokens.sign(Tokens.claims(user.id(), "user").withAudience("another-api")));
    a.put("typ JWT (not an access token)", Tokens.sign(Tokens.claims(user.id(), "user").withHeader(Map.of("typ", "JWT"))));
    a.put("refresh token as access token", user.refreshToken());
    // Over the 4 KiB credential cap, under the 8 KiB header cap (past that it is a 431, API4).
    a.put("oversized", Tokens.sign(Tokens.claims(user.id(), "user").withClaim("pad", "x".repeat(4500))));
    a.put("garbage", "not-a-jwt");
    a.put("three dots", "a.b.c");
    return a;
  }

  @EveryConfig
  void theTokenAttackMatrixIsOne401(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("quinn");
    Http.Reply control = app.http.get(ME, "Authorization", "Bearer " + Tokens.forge(user.id(), "user"));
    assertEquals(200, control.status(), "the matrix's genuine token does not work: " + control);
    JsonNode reference = null;
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> attack : attacks(app, user).entrySet()) {
      Http.Reply r = app.http.get(ME, "Authorization", "Bearer " + attack.getValue());
      if (r.status() != 401) {
        failures.add(attack.getKey() + " -> " + r.status());
        continue;
      }
      assertEquals("application/problem+json", r.header("Content-Type"), attack.getKey());
      String challenge = r.header("WWW-Authenticate");
      assertTrue(challenge != null && challenge.startsWith("Bearer"), attack.getKey() + ": " + challenge);
      JsonNode body = r.problemWithoutId();
      if (reference == null) {
        reference = body;
      }
      assertEquals(reference, body, attack.getKey() + " was refused differently from the others");
      String lower = r.body().toLowerCase(java.util.Locale.ROOT);
      assertFalse(lower.contains("expired") || lower.contains("signature") || lower.contains("alg")
          || lower.contains("audience") || lower.contains("issuer"), attack.getKey() + " says why: " + r.body());
    }
    assertEquals(List.of(), failures, "attacks that were not a 401");
  }

  @EveryConfig
  void loggedOutAndReusedTokensAreDead(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("rosa");
    // Refresh rotation: the spent refresh token, presented again, is refused and revokes the new one too.
    Http.Reply rotated = app.http.post("/api/auth/refresh", "{\"refreshToken\":\"" + user.refreshToken() + "\"}");
    assertEquals(200, rotated.status(), rotated.toString());
    String next = rotated.json().path("refreshToken").asText();
    Http.Reply reused = app.http.post("/api/auth/refresh", "{\"refreshToken\":\"" + user.refreshToken() + "\"}");
    assertEquals(401, reused.status(), reused.toString());
    Http.Reply family = app.http.post("/api/auth/refresh", "{\"refreshToken\":\"" + next + "\"}");
    assertEquals(401, family.status(), "reuse did not revoke the family: " + family);
    // Logout revokes the access token at once, not at its expiry.
    User again = app.login(user);
    assertEquals(200, app.http.get(ME, again.bearer()).status());
    Http.Reply out = app.http.post("/api/auth/logout", "{\"refreshToken\":\"" + again.refreshToken() + "\"}", again.bearer());
    assertEquals(204, out.status(), out.toString());
    assertEquals(401, app.http.get(ME, again.bearer()).status(), "the access token outlived logout");
    assertEquals(401, app.http.post("/api/auth/refresh", "{\"refreshToken\":\"" + again.refreshToken() + "\"}").status(),
        "the refresh token outlived logout");
  }

  @EveryConfig
  void bruteForceAgainstOneAccountIsThrottled(Config config) {
    SampleUnderTest app = app(config);
    User victim = app.newUser("sven");
    int failures = 0;
    Http.Reply last = null;
    for (int i = 0; i < 30; i++) {
      last = app.http.post("/api/auth/login", "{\"email\":\"" + victim.email() + "\",\"password\":\"guess number " + i + "\"}");
      if (last.status() == 429) {
        break;
      }
      assertEquals(401, last.status(), last.toString());
      failures++;
    }
    assertEquals(429, last.status(), "30 wrong passwords in a row were never throttled");
    assertTrue(failures >= 3 && failures <= 20, "throttled after " + failures + " failures");
    assertTrue(Long.parseLong(last.header("Retry-After")) > 0, last.toString());
    assertTrue(last.header("RateLimit") != null && last.header("RateLimit-Policy") != null, last.raw().headers().toString());
    Http.Reply right = app.http.post("/api/auth/login", "{\"email\":\"" + victim.email().toUpperCase(java.util.Locale.ROOT)
        + "\",\"password\":\"" + victim.password() + "\"}");
    assertEquals(429, right.status(), "the right password got through the lockout (case-folded e-mail): " + right);
  }

  @EveryConfig
  void loginDoesNotTellWhichAccountsExist(Config config) {
    SampleUnderTest app = app(config);
    User known = app.newUser("tara");
    Http.Reply unknown = app.http.post("/api/auth/login",
        "{\"email\":\"nobody-" + System.nanoTime() + "@example.com\",\"password\":\"" + known.password() + "\"}");
    Http.Reply wrong = app.http.post("/api/auth/login",
        "{\"email\":\"" + known.email() + "\",\"password\":\"not " + known.password() + "\"}");
    assertEquals(401, unknown.status(), unknown.toString());
    assertEquals(401, wrong.status(), wrong.toString());
    assertEquals(unknown.problemWithoutId(), wrong.problemWithoutId());
    assertEquals(unknown.header("Content-Type"), wrong.header("Content-Type"));
    assertEquals(unknown.header("WWW-Authenticate"), wrong.header("WWW-Authenticate"));
    assertEquals(unknown.raw().headers().map().keySet().stream().filter(h -> !h.equals("date")).sorted().toList(),
        wrong.raw().headers().map().keySet().stream().filter(h -> !h.equals("date")).sorted().toList(),
        "the header sets differ");
    // Timing: an unknown account costs a password hash too. Interleaved, and the fastest of three each, so that load
    // on a shared machine (which only ever adds time) slows both alike.
    String nobody = "nobody-timing-" + System.nanoTime() + "@example.com";
    long unknownNanos = Long.MAX_VALUE;
    long wrongNanos = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      unknownNanos = Math.min(unknownNanos, loginNanos(app, nobody, known.password()));
      wrongNanos = Math.min(wrongNanos, loginNanos(app, known.email(), "still not " + known.password()));
    }
    double ratio = (double) unknownNanos / wrongNanos;
    assertTrue(ratio > 0.33 && ratio < 3.0, "unknown " + unknownNanos / 1000 + " us vs wrong " + wrongNanos / 1000 + " us");
  }

  private static long loginNanos(SampleUnderTest app, String email, String password) {
    long start = System.nanoTime();
    Http.Reply r = app.http.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    long nanos = System.nanoTime() - start;
    assertEquals(401, r.status(), r.toString());
    return nanos;
  }
}
