package dev.bulwark.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits shared by every instance that points at one Redis, through Bucket4j's Lettuce integration.
 *
 * <pre>{@code
 * try (RedisRateLimiter limiter = RedisRateLimiter.builder("redis://127.0.0.1:6379").build()) {
 *   Decision d = limiter.tryConsume(spec, key);
 * }
 * }</pre>
 *
 * <p>Bucket4j's Lettuce proxy manager keeps each bucket's state in one Redis string and updates it by
 * compare-and-swap (a GET, then a Lua script that writes only if the value is unchanged, retried on
 * conflict), so concurrent instances never both take the last token. Each write sets a TTL of the time the
 * bucket needs to refill plus {@link Builder#keepAfterRefill(Duration)}, so idle keys leave Redis.
 *
 * <p>When Redis cannot answer (down, slow past the command timeout, erroring), no exception reaches the
 * caller: the spec's {@link StoreFailurePolicy} decides and the decision says {@code storeUnavailable}.
 * Lettuce reconnects by itself; nothing needs a restart.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final RedisConnection connection;
  private final ProxyManager<byte[]> proxies;
  private final String namespace;
  private final long failClosedRetryAfterSeconds;
  private final AtomicBoolean failing = new AtomicBoolean();

  private RedisRateLimiter(Builder builder) {
    this.namespace = builder.namespace;
    this.failClosedRetryAfterSeconds = Math.max(1, Bandwidth.ceilSeconds(builder.failClosedRetryAfter.toNanos()));
    this.connection = new RedisConnection(builder.uri, builder.connectTimeout, builder.commandTimeout,
        builder.reconnectInterval);
    this.proxies = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(connection.api())
        .clientClock(builder.timeMeter)
        // A whole check is a GET and a compare-and-swap, retried when another instance wrote first: Lettuce
        // bounds each command, this bounds the retries of a hot key.
        .requestTimeout(builder.commandTimeout.multipliedBy(4))
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(builder.keepAfterRefill))
        .build();
    if (!connection.connectNow()) {
      failing.set(true);
    }
  }

  /**
   * Starts a Redis limiter for a URI such as {@code redis://127.0.0.1:6379} or {@code rediss://user:pw@host:6380/0}.
   *
   * @throws IllegalArgumentException when the URI does not parse (the message does not repeat it: it may hold a password)
   */
  public static Builder builder(String redisUri) {
    Objects.requireNonNull(redisUri, "redisUri");
    try {
      return new Builder(RedisURI.create(redisUri));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the Redis URI does not parse; write it like redis://host:6379 or "
          + "rediss://user:password@host:6380/0");
    }
  }

  @Override
  public Decision tryConsume(LimitSpec spec, String key, long tokens) {
    BucketDecisions.checkTokens(tokens);
    BucketProxy bucket = bucket(spec, key);
    try {
      Decision decision = BucketDecisions.consumed(spec, tokens, bucket.asVerbose().tryConsumeAndReturnRemaining(tokens));
      healthy();
      return decision;
    } catch (RuntimeException e) {
      return failed(spec, e);
    }
  }

  @Override
  public Decision peek(LimitSpec spec, String key) {
    BucketProxy bucket = bucket(spec, key);
    try {
      Decision decision = BucketDecisions.estimated(spec, bucket.asVerbose().estimateAbilityToConsume(1));
      healthy();
      return decision;
    } catch (RuntimeException e) {
      return failed(spec, e);
    }
  }

  @Override
  public void refund(LimitSpec spec, String key, long tokens) {
    BucketDecisions.checkTokens(tokens);
    BucketProxy bucket = bucket(spec, key);
    try {
      bucket.addTokens(tokens);
      healthy();
    } catch (RuntimeException e) {
      failed(spec, e);
    }
  }

  /** Whether the connection to Redis is up now. For health checks. */
  public boolean isConnected() {
    return connection.isConnected();
  }

  @Override
  public void close() {
    connection.close();
  }

  /** The Redis key of a bucket: namespace, limit name, bandwidths and the normalized caller key. */
  String redisKey(LimitSpec spec, String key) {
    return namespace + ':' + spec.name() + ':' + spec.fingerprint() + ':' + StoreKeys.normalize(key);
  }

  private BucketProxy bucket(LimitSpec spec, String key) {
    Objects.requireNonNull(spec, "spec");
    byte[] redisKey = redisKey(spec, key).getBytes(StandardCharsets.UTF_8);
    Supplier<BucketConfiguration> configuration = () -> BucketDecisions.configuration(spec);
    return proxies.builder().build(redisKey, configuration);
  }

  private void healthy() {
    if (failing.compareAndSet(true, false)) {
      LOG.info("rate-limit store available again");
    }
  }

  private Decision failed(LimitSpec spec, RuntimeException e) {
    StoreFailureReason reason = reason(e);
    if (reason == StoreFailureReason.STORE_ERROR && !connection.isConnected()) {
      reason = StoreFailureReason.UNREACHABLE; // Lettuce rejects commands with a plain RedisException while down
    }
    if (reason == StoreFailureReason.INTERRUPTED) {
      Thread.currentThread().interrupt();
    }
    if (failing.compareAndSet(false, true)) {
      // One line per outage, not one per request: a flood of failures must not become a flood of logs.
      LOG.warn("rate-limit store unavailable, reason={}; limits apply their store failure policy", reason);
    }
    LOG.debug("rate-limit store failure, reason={} limit={}", reason, spec.name(), e);
    return Decision.storeFailure(spec, failClosedRetryAfterSeconds);
  }

  private static StoreFailureReason reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
        return StoreFailureReason.INTERRUPTED;
      }
      if (t instanceof RedisCommandTimeoutException || t instanceof io.github.bucket4j.TimeoutException
          || t instanceof java.util.concurrent.TimeoutException) {
        return StoreFailureReason.TIMEOUT;
      }
      if (t instanceof RedisConnectionException) {
        return StoreFailureReason.UNREACHABLE;
      }
    }
    return StoreFailureReason.STORE_ERROR;
  }

  /** Configures a {@link RedisRateLimiter}; every wait is bounded by default. */
  public static final class Builder {
    private final RedisURI uri;
    private String namespace = "bulwark:rl";
    private Duration connectTimeout = Duration.ofMillis(500);
    private Duration commandTimeout = Duration.ofMillis(250);
    private Duration reconnectInterval = Duration.ofSeconds(1);
    private Duration failClosedRetryAfter = Duration.ofSeconds(5);
    private Duration keepAfterRefill = Duration.ofSeconds(5);
    private TimeMeter timeMeter = TimeMeter.SYSTEM_MILLISECONDS;

    private Builder(RedisURI uri) {
      this.uri = uri;
    }

    /** The prefix of every key, so limits share a Redis with other data without collisions. */
    public Builder namespace(String namespace) {
      if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
        throw new IllegalArgumentException("namespace must match " + NAMESPACE.pattern());
      }
      this.namespace = namespace;
      return this;
    }

    /** How long to wait for a TCP connection; default 500 ms. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long to wait for each Redis command; default 250 ms. Past it the failure policy answers. */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "commandTimeout");
      return this;
    }

    /** The longest pause between reconnection attempts; default 1 s. */
    public Builder reconnectInterval(Duration interval) {
      this.reconnectInterval = positive(interval, "reconnectInterval");
      return this;
    }

    /** The Retry-After of a FAIL_CLOSED decision while Redis is unavailable; default 5 s. */
    public Builder failClosedRetryAfter(Duration retryAfter) {
      this.failClosedRetryAfter = positive(retryAfter, "failClosedRetryAfter");
      return this;
    }

    /** How long a key stays in Redis after its bucket is full again; default 5 s. */
    public Builder keepAfterRefill(Duration keep) {
      if (keep == null || keep.isNegative()) {
        throw new IllegalArgumentException("keepAfterRefill must be zero or positive");
      }
      this.keepAfterRefill = keep;
      return this;
    }

    /**
     * The clock. Buckets are shared between machines, so it must be a wall clock (the default,
     * {@link TimeMeter#SYSTEM_MILLISECONDS}); tests pass a controllable one.
     */
    public Builder timeMeter(TimeMeter timeMeter) {
      this.timeMeter = Objects.requireNonNull(timeMeter, "timeMeter");
      return this;
    }

    /** Builds the limiter and tries to connect once; an unreachable Redis is retried in the background. */
    public RedisRateLimiter build() {
      return new RedisRateLimiter(this);
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration");
      }
      return value;
    }
  }
}
