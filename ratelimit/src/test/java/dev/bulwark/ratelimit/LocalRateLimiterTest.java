package dev.bulwark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

  private final ManualClock clock = new ManualClock();
  private final LocalRateLimiter limiter = LocalRateLimiter.builder().timeMeter(clock).build();

  @Test
  void sixtyFourThreadsAgainstCapacityNAdmitExactlyN() throws Exception {
    LocalRateLimiter real = LocalRateLimiter.builder().build();
    LimitSpec spec = LimitSpec.of("exact", 100, "1h");
    int admitted = Concurrent.admitted(64, 640, () -> real.tryConsume(spec, "k").allowed());
    assertEquals(100, admitted);
  }

  @Test
  void retryAfterAndResetAreRightBeforeAndAfterTheLimit() {
    LimitSpec spec = LimitSpec.of("greedy", 3, "30s"); // one token every 10 s
    Decision first = limiter.tryConsume(spec, "k");
    assertTrue(first.allowed());
    assertEquals(2, first.remaining());
    assertEquals(3, first.limit());
    assertEquals(10, first.resetSeconds());
    assertEquals(0, first.retryAfterSeconds());

    limiter.tryConsume(spec, "k");
    Decision last = limiter.tryConsume(spec, "k");
    assertTrue(last.allowed());
    assertEquals(0, last.remaining());
    assertEquals(30, last.resetSeconds());

    Decision refused = limiter.tryConsume(spec, "k");
    assertFalse(refused.allowed());
    assertEquals(10, refused.retryAfterSeconds());
    assertEquals(30, refused.resetSeconds());

    clock.advance(Duration.ofMillis(9_500));
    Decision stillRefused = limiter.tryConsume(spec, "k");
    assertFalse(stillRefused.allowed());
    assertEquals(1, stillRefused.retryAfterSeconds(), "0.5 s rounds up to 1");
    assertEquals(21, stillRefused.resetSeconds(), "20.5 s rounds up");

    clock.advance(Duration.ofMillis(500));
    Decision again = limiter.tryConsume(spec, "k");
    assertTrue(again.allowed(), "exactly at Retry-After the request goes through");
    assertEquals(0, again.remaining());
  }

  @Test
  void intervalRefillReturnsAllTokensAtTheEndOfTheWindow() {
    LimitSpec spec = LimitSpec.builder("window").limit(2, Duration.ofMinutes(1), Refill.INTERVAL).build();
    limiter.tryConsume(spec, "k");
    limiter.tryConsume(spec, "k");
    clock.advance(Duration.ofSeconds(15));
    Decision refused = limiter.tryConsume(spec, "k");
    assertFalse(refused.allowed());
    assertEquals(45, refused.retryAfterSeconds());
    assertEquals(45, refused.resetSeconds());
    clock.advance(Duration.ofSeconds(45));
    Decision allowed = limiter.tryConsume(spec, "k");
    assertTrue(allowed.allowed());
    assertEquals(1, allowed.remaining());
  }

  @Test
  void burstAndSustainedAreBothEnforcedInOneBucket() {
    LimitSpec spec = LimitSpec.builder("api").limit(2, "1s").limit(3, "1h").build();
    assertTrue(limiter.tryConsume(spec, "k").allowed());
    Decision second = limiter.tryConsume(spec, "k");
    assertTrue(second.allowed());
    assertEquals(0, second.remaining());
    assertEquals(2, second.limit(), "the burst bandwidth is the one closest to exhaustion");
    assertFalse(limiter.tryConsume(spec, "k").allowed(), "burst spent");
    clock.advance(Duration.ofSeconds(1));
    Decision third = limiter.tryConsume(spec, "k");
    assertTrue(third.allowed());
    assertEquals(0, third.remaining());
    assertEquals(3, third.limit(), "now the hourly bandwidth is the one spent");
    clock.advance(Duration.ofSeconds(1));
    Decision refused = limiter.tryConsume(spec, "k");
    assertFalse(refused.allowed(), "burst refilled, sustained not");
    assertEquals(1198, refused.retryAfterSeconds(), "one hourly token every 20 minutes, 2 s of it elapsed");
  }

  @Test
  void keysAndSpecsAreIndependent() {
    LimitSpec spec = LimitSpec.of("one", 1, "1h");
    assertTrue(limiter.tryConsume(spec, "a").allowed());
    assertFalse(limiter.tryConsume(spec, "a").allowed());
    assertTrue(limiter.tryConsume(spec, "b").allowed());
    assertTrue(limiter.tryConsume(LimitSpec.of("one", 2, "1h"), "a").allowed(), "another configuration, another bucket");
    assertTrue(limiter.tryConsume(LimitSpec.of("two", 1, "1h"), "a").allowed());
    assertFalse(limiter.tryConsume(spec.withStoreFailurePolicy(StoreFailurePolicy.FAIL_OPEN), "a").allowed(),
        "the failure policy is not part of the bucket's identity");
  }

  @Test
  void aCostAboveCapacityIsRefusedWithTheLongestPeriod() {
    LimitSpec spec = LimitSpec.of("costly", 5, "1m");
    Decision decision = limiter.tryConsume(spec, "k", 6);
    assertFalse(decision.allowed());
    assertEquals(60, decision.retryAfterSeconds());
    assertTrue(limiter.tryConsume(spec, "k", 5).allowed(), "nothing was taken");
    assertThrows(IllegalArgumentException.class, () -> limiter.tryConsume(spec, "k", 0));
  }

  @Test
  void peekTakesNothingAndRefundGivesBack() {
    LimitSpec spec = LimitSpec.of("peek", 1, "1h");
    assertTrue(limiter.peek(spec, "k").allowed());
    assertTrue(limiter.peek(spec, "k").allowed());
    assertTrue(limiter.tryConsume(spec, "k").allowed());
    Decision blocked = limiter.peek(spec, "k");
    assertFalse(blocked.allowed());
    assertEquals(3600, blocked.retryAfterSeconds());
    limiter.refund(spec, "k", 1);
    assertTrue(limiter.tryConsume(spec, "k").allowed());
  }

  @Test
  void aFloodOfDistinctKeysStaysWithinTheBound() {
    LocalRateLimiter bounded = LocalRateLimiter.builder().maximumKeys(10_000).build();
    LimitSpec spec = LimitSpec.of("flood", 10, "1h");
    for (int i = 0; i < 200_000; i++) {
      bounded.tryConsume(spec, "client-" + i);
    }
    long tracked = bounded.trackedKeys();
    assertTrue(tracked <= 10_000, "tracked " + tracked);
    assertTrue(tracked > 0);
  }

  @Test
  void bucketsExpireOnceTheyWouldBeFullAgain() {
    LimitSpec spec = LimitSpec.of("expiry", 1, "1m");
    limiter.tryConsume(spec, "k");
    assertEquals(1, limiter.trackedKeys());
    clock.advance(Duration.ofSeconds(59));
    assertEquals(1, limiter.trackedKeys());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(0, limiter.trackedKeys());
    assertTrue(limiter.tryConsume(spec, "k").allowed());
  }

  @Test
  void longOrUnusualKeysAreHashedNotStored() {
    String huge = "x".repeat(10_000);
    assertTrue(StoreKeys.normalize(huge).length() < 50);
    assertEquals("alice", StoreKeys.normalize("alice"));
    assertTrue(StoreKeys.normalize("al ice").startsWith("#"));
    assertTrue(StoreKeys.normalize("#abc").startsWith("#") && !StoreKeys.normalize("#abc").equals("#abc"));
    LimitSpec spec = LimitSpec.of("huge", 1, "1h");
    assertTrue(limiter.tryConsume(spec, huge).allowed());
    assertFalse(limiter.tryConsume(spec, huge).allowed());
  }
}
