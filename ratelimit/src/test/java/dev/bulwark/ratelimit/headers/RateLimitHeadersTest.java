package dev.bulwark.ratelimit.headers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bulwark.ratelimit.Decision;
import dev.bulwark.ratelimit.LimitSpec;
import dev.bulwark.ratelimit.LocalRateLimiter;
import dev.bulwark.ratelimit.StoreFailurePolicy;
import io.github.bucket4j.TimeMeter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final LocalRateLimiter limiter = LocalRateLimiter.builder().timeMeter(new TimeMeter() {
    @Override
    public long currentTimeNanos() {
      return now.get();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }).build();

  @Test
  void ietfFieldsBeforeAndAfterTheLimit() {
    LimitSpec spec = LimitSpec.of("posts.create", 2, "1h");
    Decision first = limiter.tryConsume(spec, "k");
    assertEquals(List.of(
        new HeaderField("RateLimit-Policy", "\"posts.create\";q=2;w=3600"),
        new HeaderField("RateLimit", "\"posts.create\";r=1;t=1800")), RateLimitHeaders.standard().headers(spec, first));
    limiter.tryConsume(spec, "k");
    Decision refused = limiter.tryConsume(spec, "k");
    assertEquals(List.of(
        new HeaderField("RateLimit-Policy", "\"posts.create\";q=2;w=3600"),
        new HeaderField("RateLimit", "\"posts.create\";r=0;t=1800"),
        new HeaderField("Retry-After", "1800")), RateLimitHeaders.standard().headers(spec, refused));
    assertEquals(List.of(
        new HeaderField("X-RateLimit-Limit", "2"),
        new HeaderField("X-RateLimit-Remaining", "0"),
        new HeaderField("X-RateLimit-Reset", "1800"),
        new HeaderField("Retry-After", "1800")), RateLimitHeaders.of(false, true, true).headers(spec, refused));
  }

  @Test
  void legacyFieldsAndSwitches() {
    LimitSpec spec = LimitSpec.of("search", 30, "1m");
    Decision decision = limiter.tryConsume(spec, "k");
    assertEquals(List.of(
        new HeaderField("X-RateLimit-Limit", "30"),
        new HeaderField("X-RateLimit-Remaining", "29"),
        new HeaderField("X-RateLimit-Reset", "2")), RateLimitHeaders.of(false, true, true).headers(spec, decision));
    assertEquals(List.of(), RateLimitHeaders.of(false, false, true).headers(spec, decision));
  }

  @Test
  void everyBandwidthIsAPolicyAndTheClosestToExhaustionIsReported() {
    LimitSpec spec = LimitSpec.builder("api").limit(10, "1s").limit(1000, "1h").build();
    assertEquals("\"api.1s\";q=10;w=1, \"api.1h\";q=1000;w=3600", RateLimitHeaders.policy(spec));
    Decision decision = limiter.tryConsume(spec, "k", 4);
    assertEquals(new HeaderField("RateLimit", "\"api.1s\";r=6;t=1"), RateLimitHeaders.standard().headers(spec, decision).get(1));
    LimitSpec fast = LimitSpec.of("fast", 5, "500ms");
    assertEquals("\"fast\";q=5;w=1", RateLimitHeaders.policy(fast));
  }

  @Test
  void storeUnavailableSendsOnlyRetryAfter() {
    LimitSpec spec = LimitSpec.of("x", 1, "1m");
    Decision closed = new Decision(false, 0, 1, 5, 5, true, List.of());
    assertEquals(List.of(new HeaderField("Retry-After", "5")), RateLimitHeaders.standard().headers(spec, closed));
    Decision open = new Decision(true, 0, 1, 0, 0, true, List.of());
    assertEquals(List.of(), RateLimitHeaders.standard().headers(spec.withStoreFailurePolicy(StoreFailurePolicy.FAIL_OPEN), open));
  }

  @Test
  void structuredFieldStringsAreEscaped() {
    assertEquals("\"a\\\"b\\\\c?\"", RateLimitHeaders.sfString("a\"b\\c\n"));
  }
}
