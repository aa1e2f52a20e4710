package dev.bulwark.auth.token;

import static dev.bulwark.auth.AuthenticationException.Reason.EXPIRED;
import static dev.bulwark.auth.AuthenticationException.Reason.INVALID_CREDENTIALS;
import static dev.bulwark.auth.AuthenticationException.Reason.MALFORMED;
import static dev.bulwark.auth.AuthenticationException.Reason.REFRESH_REUSED;
import static dev.bulwark.auth.AuthenticationException.Reason.REVOKED;
import static dev.bulwark.auth.AuthenticationException.Reason.WRONG_TOKEN_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Principal;
import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.auth.jwt.JwtKey;
import dev.bulwark.auth.jwt.JwtVerifier;
import dev.bulwark.auth.jwt.KeySet;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issuing, refresh rotation with reuse detection, and logout, on an injected clock. */
class TokenIssuerTest {

  static final byte[] SECRET = new SecureRandom().generateSeed(32);

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  final InMemoryTokenStore store = new InMemoryTokenStore(clock, 1000);
  final KeySet keys = KeySet.of(JwtKey.hmac("k1", JwsAlgorithm.HS256, SECRET));
  final TokenIssuer issuer = TokenIssuer.builder(keys, "k1").issuer("https://auth.test").audience("api")
      .store(store).clock(clock).build();
  final JwtVerifier verifier = issuer.verifierBuilder().build();

  static AuthenticationException.Reason failure(Executable e) {
    return assertThrows(AuthenticationException.class, e::run).reason();
  }

  interface Executable {
    void run() throws Exception;
  }

  @Test
  void accessTokenCarriesTheRegisteredClaimsAndVerifies() throws Exception {
    TokenPair pair = issuer.issue("user-1", Set.of("user", "admin"), Set.of("posts:read"));
    DecodedJWT jwt = JWT.decode(pair.accessToken());
    assertEquals("at+jwt", jwt.getType());
    assertEquals("k1", jwt.getKeyId());
    assertEquals("HS256", jwt.getAlgorithm());
    assertEquals("https://auth.test", jwt.getIssuer());
    assertEquals(java.util.List.of("api"), jwt.getAudience());
    assertEquals("user-1", jwt.getSubject());
    assertEquals(pair.accessTokenId(), jwt.getId());
    assertEquals(clock.instant(), jwt.getIssuedAtAsInstant());
    assertEquals(clock.instant(), jwt.getNotBeforeAsInstant());
    assertEquals(clock.instant().plus(Duration.ofMinutes(15)), jwt.getExpiresAtAsInstant());
    assertEquals(Duration.ofMinutes(15), pair.expiresIn());
    assertEquals(900, pair.expiresInSeconds());
    assertEquals("Bearer", pair.tokenType());

    Principal p = verifier.verify(pair.accessToken());
    assertEquals("user-1", p.id());
    assertEquals(Set.of("user", "admin"), p.roles());
    assertTrue(p.hasScope("posts:read"));
    assertEquals(pair.accessTokenId(), p.tokenId());
  }

  @Test
  void extraClaimsAreLookedUpAtLoginAndAgainAtEveryRefresh() throws Exception {
    java.util.Map<String, String> plans = new java.util.concurrent.ConcurrentHashMap<>(java.util.Map.of("user-1", "free"));
    TokenIssuer withPlans = TokenIssuer.builder(keys, "k1").issuer("https://auth.test").audience("api")
        .store(store).clock(clock).claims(subject -> java.util.Map.of("plan", plans.get(subject))).build();
    TokenPair first = withPlans.issue("user-1", Set.of("user"));
    assertEquals("free", verifier.verify(first.accessToken()).claims().get("plan"));
    plans.put("user-1", "pro");
    TokenPair next = withPlans.refresh(first.refreshToken());
    assertEquals("pro", verifier.verify(next.accessToken()).claims().get("plan"));
  }

  @Test
  void extraClaimsCannotReplaceRegisteredOrRoleClaims() {
    for (String reserved : new String[] {"sub", "exp", "roles", "aud"}) {
      TokenIssuer bad = TokenIssuer.builder(keys, "k1").issuer("https://auth.test").audience("api")
          .store(store).clock(clock).claims(subject -> java.util.Map.of(reserved, "x")).build();
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> bad.issue("user-1", Set.of("user")));
      assertTrue(e.getMessage().contains("'" + reserved + "'"), e.getMessage());
    }
  }

  @Test
  void idsAndRefreshTokensAreRandomAndOpaque() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      TokenPair pair = issuer.issue("user-1", Set.of("user"));
      assertTrue(seen.add(pair.accessTokenId()));
      assertTrue(seen.add(pair.refreshToken()));
      assertEquals(43, pair.refreshToken().length());
      assertEquals(32, Base64.getUrlDecoder().decode(pair.refreshToken()).length);
      assertFalse(pair.refreshToken().contains("."));
      assertEquals(16, Base64.getUrlDecoder().decode(pair.accessTokenId()).length);
    }
  }

  @Test
  void refreshTokenIsStoredOnlyAsAHash() {
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    assertTrue(store.find(pair.refreshToken()).isEmpty());
    assertTrue(store.find(RefreshTokens.hash(pair.refreshToken())).isPresent());
    assertFalse(store.find(RefreshTokens.hash(pair.refreshToken())).orElseThrow().toString()
        .contains(pair.refreshToken()));
    assertFalse(pair.toString().contains(pair.refreshToken()));
    assertFalse(pair.toString().contains(pair.accessToken()));
  }

  @Test
  void refreshRotatesAndSpendsTheOldToken() throws Exception {
    TokenPair first = issuer.issue("user-1", Set.of("user"));
    clock.advance(Duration.ofMinutes(20));
    assertEquals(EXPIRED, failure(() -> verifier.verify(first.accessToken())));
    TokenPair second = issuer.refresh(first.refreshToken());
    assertNotEquals(first.refreshToken(), second.refreshToken());
    assertNotEquals(first.accessTokenId(), second.accessTokenId());
    Principal p = verifier.verify(second.accessToken());
    assertEquals("user-1", p.id());
    assertEquals(Set.of("user"), p.roles());
    TokenPair third = issuer.refresh(second.refreshToken());
    verifier.verify(third.accessToken());
  }

  @Test
  void reusingASpentRefreshTokenRevokesTheWholeFamily() throws Exception {
    TokenPair first = issuer.issue("user-1", Set.of("user"));
    TokenPair second = issuer.refresh(first.refreshToken());
    // The attacker (or the victim) replays the spent token: the family dies.
    assertEquals(REFRESH_REUSED, failure(() -> issuer.refresh(first.refreshToken())));
    assertEquals(REVOKED, failure(() -> issuer.refresh(second.refreshToken())));
    assertEquals(REVOKED, failure(() -> issuer.refresh(first.refreshToken())));
    // Another login of the same user is another family, untouched.
    TokenPair other = issuer.issue("user-1", Set.of("user"));
    issuer.refresh(other.refreshToken());
  }

  @Test
  void concurrentRefreshesOfOneTokenLetExactlyOneWin() throws Exception {
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    int threads = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(pool.submit(() -> {
        start.await();
        try {
          issuer.refresh(pair.refreshToken());
          return "ok";
        } catch (AuthenticationException e) {
          return e.reason().name();
        }
      }));
    }
    start.countDown();
    int ok = 0;
    for (java.util.concurrent.Future<String> f : results) {
      String r = f.get();
      if (r.equals("ok")) {
        ok++;
      } else {
        assertTrue(r.equals("REFRESH_REUSED") || r.equals("REVOKED"), r);
      }
    }
    pool.shutdown();
    assertEquals(1, ok);
  }

  @Test
  void logoutRevokesBothTokens() throws Exception {
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    Principal me = verifier.verify(pair.accessToken());
    issuer.logout(me, pair.refreshToken());
    assertEquals(REVOKED, failure(() -> verifier.verify(pair.accessToken())));
    assertEquals(REVOKED, failure(() -> issuer.refresh(pair.refreshToken())));
  }

  @Test
  void logoutByIdsRevokesBothTokens() throws Exception {
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    issuer.logout(pair.accessTokenId(), pair.refreshToken());
    assertEquals(REVOKED, failure(() -> verifier.verify(pair.accessToken())));
    assertEquals(REVOKED, failure(() -> issuer.refresh(pair.refreshToken())));
  }

  @Test
  void logoutKeepsTheDenialUntilTheAccessTokenWouldHaveExpired() throws Exception {
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    issuer.logout(verifier.verify(pair.accessToken()), null);
    clock.advance(Duration.ofMinutes(15));
    assertEquals(REVOKED, failure(() -> verifier.verify(pair.accessToken()))); // inside the leeway: still denied
    clock.advance(Duration.ofMinutes(2));
    assertEquals(EXPIRED, failure(() -> verifier.verify(pair.accessToken())));
    store.evictExpired();
    assertEquals(0, store.deniedCount());
  }

  @Test
  void logoutOfOneUserCannotRevokeAnothersRefreshToken() throws Exception {
    TokenPair alice = issuer.issue("alice", Set.of("user"));
    TokenPair bob = issuer.issue("bob", Set.of("user"));
    issuer.logout(verifier.verify(alice.accessToken()), bob.refreshToken());
    issuer.refresh(bob.refreshToken());
    assertEquals(REVOKED, failure(() -> verifier.verify(alice.accessToken())));
  }

  @Test
  void refreshTokenUsedAsAccessTokenIsRejected() {
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    assertEquals(MALFORMED, failure(() -> verifier.verify(pair.refreshToken())));
  }

  @Test
  void accessTokenUsedAsRefreshTokenIsRejected() {
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    assertEquals(WRONG_TOKEN_TYPE, failure(() -> issuer.refresh(pair.accessToken())));
  }

  @Test
  void unknownOrGarbledRefreshTokensAreInvalidCredentials() {
    assertEquals(INVALID_CREDENTIALS, failure(() -> issuer.refresh("A".repeat(43))));
    assertEquals(INVALID_CREDENTIALS, failure(() -> issuer.refresh("not a token")));
    assertEquals(dev.bulwark.auth.AuthenticationException.Reason.TOO_LARGE, failure(() -> issuer.refresh("A".repeat(9000))));
    assertEquals(dev.bulwark.auth.AuthenticationException.Reason.MISSING_CREDENTIALS, failure(() -> issuer.refresh(null)));
  }

  @Test
  void refreshTokensExpireAndSessionsHaveAnAbsoluteLifetime() throws Exception {
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    clock.advance(Duration.ofDays(7));
    assertEquals(EXPIRED, failure(() -> issuer.refresh(pair.refreshToken())));

    TokenPair session = issuer.issue("user-2", Set.of("user"));
    for (int day = 0; day < 29; day++) {
      clock.advance(Duration.ofDays(1));
      session = issuer.refresh(session.refreshToken());
    }
    clock.advance(Duration.ofDays(1));
    TokenPair last = session;
    assertEquals(EXPIRED, failure(() -> issuer.refresh(last.refreshToken())));
  }

  @Test
  void unsafeIssuerConfigurationIsRefused() {
    assertThrows(IllegalStateException.class, () -> TokenIssuer.builder(keys, "k1").audience("a").store(store).build());
    assertThrows(IllegalStateException.class, () -> TokenIssuer.builder(keys, "k1").issuer("i").store(store).build());
    assertThrows(IllegalStateException.class, () -> TokenIssuer.builder(keys, "k1").issuer("i").audience("a").build());
    String m = assertThrows(IllegalStateException.class, () -> TokenIssuer.builder(keys, "k1").issuer("i")
        .audience("a").store(store).accessTtl(Duration.ofHours(2)).build()).getMessage();
    assertTrue(m.contains("between 1 minute and 1 hour"), m);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TokenIssuer.builder(keys, "k2"))
        .getMessage().contains("'k2' is not in the key set"));
    KeySet verifyOnly = KeySet.of(JwtKey.rsa("r", (java.security.interfaces.RSAPublicKey)
        dev.bulwark.auth.jwt.TokenTestKeys.rsaPublic()));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TokenIssuer.builder(verifyOnly, "r"))
        .getMessage().contains("has no private key"));
  }
}
