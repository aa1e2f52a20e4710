package dev.bulwark.ratelimit.concurrency;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bound on requests in progress at once, per server: past it a request is refused at once (the HTTP layer
 * answers 503 with {@link #retryAfterSeconds()}), never queued, so a slow dependency cannot pile up threads.
 *
 * <pre>{@code
 * Optional<ConcurrencyLimiter.Permit> permit = limiter.tryAcquire();
 * if (permit.isEmpty()) { ... 503 ... }
 * try (ConcurrencyLimiter.Permit p = permit.get()) { ... handle ... }
 * }</pre>
 */
public final class ConcurrencyLimiter {

  private final int maxConcurrent;
  private final long retryAfterSeconds;
  private final Semaphore permits;

  /**
   * @param maxConcurrent requests allowed in progress at once, at least 1
   * @param retryAfter the Retry-After sent with a refusal, rounded up to whole seconds, at least 1
   */
  public ConcurrencyLimiter(int maxConcurrent, Duration retryAfter) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be >= 1 (was " + maxConcurrent + ")");
    }
    if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("retryAfter must be a positive duration");
    }
    this.maxConcurrent = maxConcurrent;
    long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
    this.retryAfterSeconds = Math.max(1, seconds);
    this.permits = new Semaphore(maxConcurrent);
  }

  /** A permit, or empty when {@code maxConcurrent} requests are already in progress. Never blocks. */
  public Optional<Permit> tryAcquire() {
    return permits.tryAcquire() ? Optional.of(new Permit()) : Optional.empty();
  }

  /** Requests in progress now. */
  public int inFlight() {
    return maxConcurrent - permits.availablePermits();
  }

  /** The configured bound. */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** The Retry-After, in seconds, for a refused request. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** One request's slot; closing it releases the slot, once, however often it is closed. */
  public final class Permit implements AutoCloseable {
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit() {}

    /** Releases the slot. */
    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        permits.release();
      }
    }
  }
}
