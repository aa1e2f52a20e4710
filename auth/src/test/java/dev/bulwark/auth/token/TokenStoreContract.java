package dev.bulwark.auth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Principal;
import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.auth.jwt.JwtKey;
import dev.bulwark.auth.jwt.JwtVerifier;
import dev.bulwark.auth.jwt.KeySet;
import dev.bulwark.auth.token.SpendResult.Status;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenStore} must do, run against each implementation (in memory, JDBC on H2 and
 * PostgreSQL, Redis). Expiry is driven by a clock moved by hand; it starts at the real time, so a store that
 * also sets real TTLs (Redis) keeps its records while the test runs.
 */
public abstract class TokenStoreContract {

  private static final byte[] SECRET = new SecureRandom().generateSeed(32);
  private static final int THREADS = 8;
  // Several rounds, because one round of a check-then-act store can happen to pass.
  private static final int ROUNDS = 25;

  final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  protected TokenStore store;

  /** A new, empty store on {@code clock}. */
  protected abstract TokenStore newStore(Clock clock);

  /** A second instance sharing {@code store}'s data (another connection, another pool); the same by default. */
  protected TokenStore otherInstance(Clock clock) {
    return store;
  }

  /** The test clock's current time. */
  protected Instant now() {
    return clock.instant();
  }

  @BeforeEach
  void createStore() throws Exception {
    store = newStore(clock);
  }

  RefreshGrant grant(String hash, String family, Duration ttl) {
    Instant now = clock.instant();
    return new RefreshGrant(hash, family, "user", Set.of("user"), Set.of(), now.plus(ttl), now.plus(ttl.multipliedBy(4)));
  }

  @Test
  void spendIsOnceOnlyAndReuseRevokesTheFamily() {
    store.save(grant("h1", "f1", Duration.ofHours(1)));
    assertEquals(Status.SPENT, store.spend("h1").status());
    store.save(grant("h2", "f1", Duration.ofHours(1)));
    assertEquals(Status.REUSED, store.spend("h1").status());
    assertEquals(Status.REVOKED, store.spend("h2").status());
    store.save(grant("h3", "f1", Duration.ofHours(1)));
    assertEquals(Status.REVOKED, store.spend("h3").status(), "a revoked family stays revoked");
    assertEquals(Status.REVOKED, store.spend("h1").status(), "a reuse is reported once, then the family is revoked");
    assertEquals(Status.UNKNOWN, store.spend("nope").status());
    assertEquals(Status.UNKNOWN, store.spend(null).status());
  }

  @Test
  void findReturnsTheStoredGrantSpentOrNot() {
    Instant now = clock.instant();
    RefreshGrant saved = new RefreshGrant("hash-1", "fam-1", "user-42", Set.of("user", "a b", "q\"uote", "ü,;'"),
        Set.of("posts:read", "x]"), now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    store.save(saved);
    assertEquals(saved, store.find("hash-1").orElseThrow());
    SpendResult spent = store.spend("hash-1");
    assertEquals(Status.SPENT, spent.status());
    assertEquals(saved, spent.grant().orElseThrow());
    assertEquals(saved, store.find("hash-1").orElseThrow(), "a spent grant is kept, so its reuse is recognised");
    assertTrue(store.find("hash-2").isEmpty());
    assertTrue(store.find(null).isEmpty());
  }

  @Test
  void hostileLookingIdsAreOnlyData() {
    String hostile = "' OR '1'='1";
    store.save(grant("real", "fam", Duration.ofHours(1)));
    assertEquals(Status.UNKNOWN, store.spend(hostile).status());
    assertTrue(store.find(hostile).isEmpty());
    store.revokeFamily(hostile);
    assertFalse(store.isDenied(hostile));
    store.deny(hostile + "*", clock.instant().plus(Duration.ofMinutes(5)));
    assertFalse(store.isDenied(hostile));
    assertTrue(store.isDenied(hostile + "*"));
    assertEquals(Status.SPENT, store.spend("real").status());
  }

  @Test
  void expiredGrantsAndFamiliesAreNotSpendable() {
    store.save(grant("h1", "f1", Duration.ofMinutes(10)));
    Instant now = clock.instant();
    // The refresh token would live two hours, but its session ends after one.
    store.save(new RefreshGrant("h2", "f2", "user", Set.of(), Set.of(), now.plus(Duration.ofHours(2)),
        now.plus(Duration.ofHours(1))));
    clock.advance(Duration.ofMinutes(10));
    assertEquals(Status.EXPIRED, store.spend("h1").status());
    assertEquals(Status.SPENT, store.spend("h2").status());
    store.save(new RefreshGrant("h3", "f2", "user", Set.of(), Set.of(), now.plus(Duration.ofHours(2)),
        now.plus(Duration.ofHours(1))));
    clock.advance(Duration.ofMinutes(50));
    assertEquals(Status.EXPIRED, store.spend("h3").status());
  }

  @Test
  void replayOfASpentTokenRevokesTheFamilyEvenAfterItExpired() {
    store.save(grant("h1", "f1", Duration.ofMinutes(10)));
    assertEquals(Status.SPENT, store.spend("h1").status());
    store.save(grant("h2", "f1", Duration.ofMinutes(30)));
    clock.advance(Duration.ofMinutes(15));
    assertEquals(Status.REUSED, store.spend("h1").status());
    assertEquals(Status.REVOKED, store.spend("h2").status());
  }

  @Test
  void revokingAFamilyStopsEveryTokenInIt() {
    store.save(grant("h1", "f1", Duration.ofHours(1)));
    store.save(grant("h1b", "f1", Duration.ofHours(1)));
    store.save(grant("h2", "f2", Duration.ofHours(1)));
    store.revokeFamily("f1");
    store.revokeFamily("no-such-family");
    store.revokeFamily(null);
    assertEquals(Status.REVOKED, store.spend("h1").status());
    assertEquals(Status.REVOKED, store.spend("h1b").status());
    assertEquals(Status.SPENT, store.spend("h2").status());
  }

  @Test
  void deniedJtisExpire() {
    store.deny("j1", clock.instant().plus(Duration.ofMinutes(5)));
    assertTrue(store.isDenied("j1"));
    assertFalse(store.isDenied("j2"));
    assertFalse(store.isDenied(null));
    clock.advance(Duration.ofMinutes(5));
    assertFalse(store.isDenied("j1"));
    store.deny("j1", clock.instant().plus(Duration.ofMinutes(5)));
    assertTrue(store.isDenied("j1"), "denied again after its first denial expired");
  }

  @Test
  void denyingTwiceKeepsTheLaterExpiry() {
    store.deny("j", clock.instant().plus(Duration.ofMinutes(10)));
    store.deny("j", clock.instant().plus(Duration.ofMinutes(1)));
    store.deny("k", clock.instant().plus(Duration.ofMinutes(1)));
    store.deny("k", clock.instant().plus(Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(5));
    assertTrue(store.isDenied("j"));
    assertTrue(store.isDenied("k"));
    clock.advance(Duration.ofMinutes(5));
    assertFalse(store.isDenied("j"));
    assertFalse(store.isDenied("k"));
  }

  @Test
  void concurrentSpendsOfOneTokenHaveExactlyOneWinner() throws Exception {
    TokenStore other = otherInstance(clock);
    for (int round = 0; round < ROUNDS; round++) {
      String hash = "race-" + round;
      store.save(grant(hash, "fam-" + round, Duration.ofHours(1)));
      List<Callable<Status>> calls = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        TokenStore instance = i % 2 == 0 ? store : other;
        calls.add(() -> instance.spend(hash).status());
      }
      Map<Status, Integer> seen = together(calls);
      assertEquals(1, seen.getOrDefault(Status.SPENT, 0), "round " + round + ": " + seen);
      assertEquals(1, seen.getOrDefault(Status.REUSED, 0), "round " + round + ": " + seen);
      assertEquals(THREADS - 2, seen.getOrDefault(Status.REVOKED, 0), "round " + round + ": " + seen);
    }
  }

  @Test
  void reuseRacingASiblingRefreshStillRevokesTheFamily() throws Exception {
    TokenStore other = otherInstance(clock);
    for (int round = 0; round < ROUNDS; round++) {
      String family = "fam-" + round;
      store.save(grant("old-" + round, family, Duration.ofHours(1)));
      assertEquals(Status.SPENT, store.spend("old-" + round).status());
      store.save(grant("new-" + round, family, Duration.ofHours(1)));
      List<Callable<Status>> calls = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        TokenStore instance = i % 2 == 0 ? store : other;
        String hash = (i < THREADS / 2 ? "old-" : "new-") + round;
        calls.add(() -> instance.spend(hash).status());
      }
      Map<Status, Integer> seen = together(calls);
      assertTrue(seen.getOrDefault(Status.SPENT, 0) <= 1, "round " + round + ": " + seen);
      assertEquals(1, seen.getOrDefault(Status.REUSED, 0), "round " + round + ": " + seen);
      // Whatever the order, the family is dead now: a successor saved by the winning refresh is refused.
      store.save(grant("next-" + round, family, Duration.ofHours(1)));
      assertEquals(Status.REVOKED, other.spend("next-" + round).status());
    }
  }

  // TokenIssuer end to end on this store.

  TokenIssuer issuer() {
    return TokenIssuer.builder(KeySet.of(JwtKey.hmac("k1", JwsAlgorithm.HS256, SECRET)), "k1")
        .issuer("https://auth.test").audience("api").store(store).clock(clock).build();
  }

  static AuthenticationException.Reason failure(TokenIssuerTest.Executable e) {
    return assertThrows(AuthenticationException.class, e::run).reason();
  }

  @Test
  void issuerRotatesAndReuseRevokesTheFamily() throws Exception {
    TokenIssuer issuer = issuer();
    JwtVerifier verifier = issuer.verifierBuilder().build();
    TokenPair first = issuer.issue("user-1", Set.of("user"), Set.of("posts:read"));
    TokenPair second = issuer.refresh(first.refreshToken());
    Principal p = verifier.verify(second.accessToken());
    assertEquals("user-1", p.id());
    assertEquals(Set.of("user"), p.roles());
    assertTrue(p.hasScope("posts:read"));
    TokenPair third = issuer.refresh(second.refreshToken());
    assertEquals(AuthenticationException.Reason.REFRESH_REUSED, failure(() -> issuer.refresh(first.refreshToken())));
    assertEquals(AuthenticationException.Reason.REVOKED, failure(() -> issuer.refresh(third.refreshToken())));
    TokenPair other = issuer.issue("user-1", Set.of("user"));
    issuer.refresh(other.refreshToken());
  }

  @Test
  void issuerLogoutRevokesBothTokens() throws Exception {
    TokenIssuer issuer = issuer();
    JwtVerifier verifier = issuer.verifierBuilder().build();
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    TokenPair bystander = issuer.issue("user-2", Set.of("user"));
    issuer.logout(verifier.verify(pair.accessToken()), pair.refreshToken());
    assertEquals(AuthenticationException.Reason.REVOKED, failure(() -> verifier.verify(pair.accessToken())));
    assertEquals(AuthenticationException.Reason.REVOKED, failure(() -> issuer.refresh(pair.refreshToken())));
    verifier.verify(bystander.accessToken());
    issuer.refresh(bystander.refreshToken());
    // The denial lasts until the access token would have expired anyway, then expiry takes over.
    clock.advance(Duration.ofMinutes(17));
    assertEquals(AuthenticationException.Reason.EXPIRED, failure(() -> verifier.verify(pair.accessToken())));
  }

  @Test
  void issuerConcurrentRefreshesOfOneTokenLetExactlyOneWin() throws Exception {
    TokenIssuer issuer = issuer();
    TokenIssuer otherIssuer = TokenIssuer.builder(KeySet.of(JwtKey.hmac("k1", JwsAlgorithm.HS256, SECRET)), "k1")
        .issuer("https://auth.test").audience("api").store(otherInstance(clock)).clock(clock).build();
    TokenPair pair = issuer.issue("user-1", Set.of("user"));
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      TokenIssuer instance = i % 2 == 0 ? issuer : otherIssuer;
      calls.add(() -> {
        try {
          instance.refresh(pair.refreshToken());
          return "ok";
        } catch (AuthenticationException e) {
          return e.reason().name();
        }
      });
    }
    List<String> results = run(calls);
    assertEquals(1, results.stream().filter("ok"::equals).count(), results.toString());
    assertEquals(1, results.stream().filter("REFRESH_REUSED"::equals).count(), results.toString());
    assertEquals(THREADS - 2, results.stream().filter("REVOKED"::equals).count(), results.toString());
  }

  private static Map<Status, Integer> together(List<Callable<Status>> calls) throws Exception {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : run(calls)) {
      counts.merge(s, 1, Integer::sum);
    }
    return counts;
  }

  /** Runs the calls on one thread each, released together by a latch. */
  private static <T> List<T> run(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch ready = new CountDownLatch(calls.size());
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          return call.call();
        }));
      }
      ready.await();
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
