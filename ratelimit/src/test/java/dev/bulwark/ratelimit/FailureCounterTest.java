package dev.bulwark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureCounterTest {

  private final LocalRateLimiter limiter = LocalRateLimiter.builder().timeMeter(new ManualClock()).build();
  private final FailureCounter failures = new FailureCounter(limiter, LimitSpec.of("login", 3, "15m"));

  @Test
  void successesDoNotUseTheBucket() {
    for (int i = 0; i < 20; i++) {
      FailureCounter.Attempt attempt = failures.begin("alice");
      assertTrue(attempt.decision().allowed());
      attempt.succeeded();
    }
    assertTrue(failures.check("alice").allowed());
  }

  @Test
  void nFailuresThenBlocked() {
    for (int i = 0; i < 3; i++) {
      FailureCounter.Attempt attempt = failures.begin("bob");
      assertTrue(attempt.decision().allowed());
      attempt.failed();
      attempt.succeeded(); // settling twice does nothing
    }
    assertFalse(failures.begin("bob").decision().allowed());
    Decision blocked = failures.check("bob");
    assertFalse(blocked.allowed());
    assertEquals(300, blocked.retryAfterSeconds(), "one failure forgiven every 5 minutes");
    assertTrue(failures.check("carol").allowed());
  }

  @Test
  void checkThenRecordCountsOnlyFailures() {
    assertTrue(failures.check("dave").allowed());
    assertTrue(failures.recordFailure("dave").allowed());
    assertTrue(failures.recordFailure("dave").allowed());
    assertTrue(failures.check("dave").allowed());
    Decision third = failures.recordFailure("dave");
    assertTrue(third.allowed());
    assertEquals(0, third.remaining());
    assertFalse(failures.check("dave").allowed());
  }

  @Test
  void reservationsAreExactUnderConcurrency() throws Exception {
    LocalRateLimiter real = LocalRateLimiter.builder().build();
    FailureCounter counter = new FailureCounter(real, LimitSpec.of("login", 5, "1h"));
    // Every attempt fails: no more than 5 may ever run, however many arrive at once.
    int ran = Concurrent.admitted(64, 256, () -> {
      FailureCounter.Attempt attempt = counter.begin("victim");
      if (!attempt.decision().allowed()) {
        return false;
      }
      attempt.failed();
      return true;
    });
    assertEquals(5, ran);
  }
}
