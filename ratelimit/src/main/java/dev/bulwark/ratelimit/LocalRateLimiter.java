package dev.bulwark.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import java.util.List;
import java.util.Objects;

/**
 * Rate limits held in this JVM: one Bucket4j bucket per (limit, key), in a Caffeine cache bounded by
 * {@link Builder#maximumKeys(long)} and expiring each bucket once it would be full again anyway.
 *
 * <pre>{@code
 * RateLimiter limiter = LocalRateLimiter.builder().maximumKeys(100_000).build();
 * Decision d = limiter.tryConsume(LimitSpec.of("search", 30, "1m"), clientKey);
 * }</pre>
 *
 * <p>Why Caffeine and not a map: core Bucket4j has no bounded local store, and its Caffeine integration (a
 * separate artifact) is a proxy manager that runs every call through the distributed command machinery. A plain
 * local bucket in a Caffeine cache is the fast path with the same bound. A bucket untouched for the spec's
 * longest period is full again, so expiring it then loses nothing; the size bound caps memory under a flood of
 * distinct keys (about 0.5 kB per key, measured: 100,000 keys take about 50 MB), and Caffeine's frequency-based
 * admission keeps the hot keys (the ones being limited) and drops the one-off keys of a flood first.
 */
public final class LocalRateLimiter implements RateLimiter {

  /**
   * Name and bandwidths, not the whole spec: like the Redis key, the failure policy is not part of a bucket's
   * identity, so endpoints sharing a named limit share its bucket whatever policy each declares.
   */
  private record BucketKey(String name, List<Bandwidth> bandwidths, String key, long idleNanos) {
    BucketKey(LimitSpec spec, String key) {
      this(spec.name(), spec.bandwidths(), StoreKeys.normalize(key), spec.longestPeriod().toNanos());
    }
  }

  private final Cache<BucketKey, LocalBucket> buckets;
  private final TimeMeter timeMeter;

  private LocalRateLimiter(Builder builder) {
    this.timeMeter = builder.timeMeter;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(builder.maximumKeys)
        .expireAfter(new ExpireWhenFull())
        .ticker(timeMeter::currentTimeNanos)
        .build();
  }

  /** Starts a local limiter; the defaults are 100,000 keys and the JVM's nanosecond clock. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Decision tryConsume(LimitSpec spec, String key, long tokens) {
    BucketDecisions.checkTokens(tokens);
    return BucketDecisions.consumed(spec, tokens, bucket(spec, key).asVerbose().tryConsumeAndReturnRemaining(tokens));
  }

  @Override
  public Decision peek(LimitSpec spec, String key) {
    return BucketDecisions.estimated(spec, bucket(spec, key).asVerbose().estimateAbilityToConsume(1));
  }

  @Override
  public void refund(LimitSpec spec, String key, long tokens) {
    BucketDecisions.checkTokens(tokens);
    LocalBucket bucket = buckets.getIfPresent(new BucketKey(spec, key));
    if (bucket != null) { // an expired bucket is full: nothing to give back
      bucket.addTokens(tokens);
    }
  }

  /** The number of buckets held now, after pending evictions have run. For metrics and tests. */
  public long trackedKeys() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private LocalBucket bucket(LimitSpec spec, String key) {
    Objects.requireNonNull(spec, "spec");
    return buckets.get(new BucketKey(spec, key), k -> newBucket(spec));
  }

  private LocalBucket newBucket(LimitSpec spec) {
    var builder = Bucket.builder().withCustomTimePrecision(timeMeter);
    for (io.github.bucket4j.Bandwidth bandwidth : BucketDecisions.configuration(spec).getBandwidths()) {
      builder.addLimit(bandwidth);
    }
    return builder.build();
  }

  /** Each bucket lives for its spec's longest period after its last use: by then it is full again. */
  private static final class ExpireWhenFull implements Expiry<BucketKey, LocalBucket> {
    @Override
    public long expireAfterCreate(BucketKey key, LocalBucket value, long currentTime) {
      return key.idleNanos();
    }

    @Override
    public long expireAfterUpdate(BucketKey key, LocalBucket value, long currentTime, long currentDuration) {
      return key.idleNanos();
    }

    @Override
    public long expireAfterRead(BucketKey key, LocalBucket value, long currentTime, long currentDuration) {
      return key.idleNanos();
    }
  }

  /** Configures a {@link LocalRateLimiter}. */
  public static final class Builder {
    private long maximumKeys = 100_000;
    private TimeMeter timeMeter = TimeMeter.SYSTEM_NANOTIME;

    private Builder() {}

    /**
     * The most buckets held at once, over all limits. Past it the least useful buckets are dropped, which
     * resets their counts: size it above the number of keys that are active within one period.
     */
    public Builder maximumKeys(long maximumKeys) {
      if (maximumKeys < 1) {
        throw new IllegalArgumentException("maximumKeys must be >= 1 (was " + maximumKeys + ")");
      }
      this.maximumKeys = maximumKeys;
      return this;
    }

    /** The clock for refills and expiry; tests pass a controllable one. */
    public Builder timeMeter(TimeMeter timeMeter) {
      this.timeMeter = Objects.requireNonNull(timeMeter, "timeMeter");
      return this;
    }

    /** Builds the limiter. */
    public LocalRateLimiter build() {
      return new LocalRateLimiter(this);
    }
  }
}
