package dev.bulwark.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bulwark.ratelimit.Decision;
import dev.bulwark.ratelimit.LimitSpec;
import dev.bulwark.ratelimit.LocalRateLimiter;
import dev.bulwark.ratelimit.clientip.ClientIpResolver;
import dev.bulwark.runtime.http.HttpCall;
import dev.bulwark.runtime.limits.RateLimits;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One per-principal rate-limit check, over 1,024 callers taken in turn (so every call looks a bucket up):
 * <ul>
 *   <li>{@code rateLimits}: what a generated handler calls, {@code RateLimits.consume} on the local store, with the
 *       RateLimit headers formatted and set;</li>
 *   <li>{@code localRateLimiter}: the store alone, {@code LocalRateLimiter.tryConsume} (the Decision, no headers);</li>
 *   <li>{@code bucket4jByHand}: a raw Bucket4j {@link LocalBucket} per key in a bounded Caffeine cache, as a team
 *       would write it, {@code tryConsume(1)} and nothing else;</li>
 *   <li>{@code singleBucket}: one raw {@link LocalBucket}, no lookup at all: the floor.</li>
 * </ul>
 * The issue-5 goal is that the local check adds at most 0.3 µs to a request: read {@code rateLimits} in ns/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RateLimitBenchmark {
  private static final int CALLERS = 1024;
  // Far more than a benchmark takes in a period, so no call is ever refused and every call does the same work.
  private static final long CAPACITY = 1_000_000_000L;

  private final String[] keys = new String[CALLERS];
  private int next;
  private LimitSpec spec;
  private LocalRateLimiter limiter;
  private RateLimits rateLimits;
  private HttpCall call;
  private Cache<String, LocalBucket> byHand;
  private LocalBucket single;

  @Setup(Level.Trial)
  public void setUp() {
    for (int i = 0; i < CALLERS; i++) {
      keys[i] = "principal:u" + i;
    }
    spec = LimitSpec.of("bench.create", CAPACITY, "1000s");
    limiter = LocalRateLimiter.builder().maximumKeys(100_000).build();
    rateLimits = RateLimits.of(limiter, ClientIpResolver.builder().build());
    call = new HttpCall(new FakeExchange(), "req-1", null, null);
    byHand = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofSeconds(1000)).build();
    single = newBucket();
  }

  private static LocalBucket newBucket() {
    return Bucket.builder().addLimit(l -> l.capacity(CAPACITY).refillGreedy(CAPACITY, Duration.ofSeconds(1000))).build();
  }

  private String nextKey() {
    int i = next;
    next = (i + 1) & (CALLERS - 1);
    return keys[i];
  }

  @Benchmark
  public HttpCall rateLimits() {
    rateLimits.consume(call, spec, nextKey());
    return call;
  }

  @Benchmark
  public Decision localRateLimiter() {
    return limiter.tryConsume(spec, nextKey());
  }

  @Benchmark
  public boolean bucket4jByHand() {
    return byHand.get(nextKey(), k -> newBucket()).tryConsume(1);
  }

  @Benchmark
  public boolean singleBucket() {
    return single.tryConsume(1);
  }
}
