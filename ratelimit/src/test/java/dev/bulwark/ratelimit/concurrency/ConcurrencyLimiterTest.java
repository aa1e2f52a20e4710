package dev.bulwark.ratelimit.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

  @Test
  void refusesPastTheBoundAndReleasesOnce() {
    ConcurrencyLimiter limiter = new ConcurrencyLimiter(3, Duration.ofMillis(1500));
    List<ConcurrencyLimiter.Permit> held = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      held.add(limiter.tryAcquire().orElseThrow());
    }
    assertTrue(limiter.tryAcquire().isEmpty());
    assertEquals(3, limiter.inFlight());
    assertEquals(2, limiter.retryAfterSeconds());
    held.get(0).close();
    held.get(0).close(); // a second close must not free a second slot
    assertEquals(2, limiter.inFlight());
    Optional<ConcurrencyLimiter.Permit> again = limiter.tryAcquire();
    assertTrue(again.isPresent());
    assertTrue(limiter.tryAcquire().isEmpty());
  }

  @Test
  void badConfigurationFails() {
    assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimiter(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimiter(1, Duration.ZERO));
  }
}
