package dev.bulwark.ratelimit;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Failure-only counting for credential endpoints (login, refresh, password reset): only failed attempts use
 * up the bucket, so a user who logs in correctly is never locked out by their own successes.
 *
 * <p>Two ways to use it:
 * <ul>
 *   <li><b>Reserve, then settle</b> ({@link #begin(String)}), the exact one and the one to prefer: a token is
 *       taken before the attempt and given back when it succeeds. No more than {@code capacity} attempts can
 *       be failing or in flight per key and period, however many arrive at once.</li>
 *   <li><b>Check, then count</b> ({@link #check(String)} and {@link #recordFailure(String)}): nothing is taken
 *       until an attempt has failed. Racy by nature: when one token is left, every attempt that checks before
 *       the first failure is recorded gets through, so up to (concurrent attempts per key - 1) extra guesses
 *       are possible at the edge of the limit. Bound that with a concurrency limit or the per-IP limit in
 *       front, or use {@link #begin(String)}.</li>
 * </ul>
 * A credential endpoint needs this per account and per client IP: use two counters with two specs.
 */
public final class FailureCounter {

  private final RateLimiter limiter;
  private final LimitSpec spec;

  /** A counter of failures against {@code spec}. */
  public FailureCounter(RateLimiter limiter, LimitSpec spec) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** The spec counted against. */
  public LimitSpec spec() {
    return spec;
  }

  /** Whether {@code key} may attempt now, taking nothing. Refused means blocked until Retry-After. */
  public Decision check(String key) {
    return limiter.peek(spec, key);
  }

  /** Counts one failed attempt. The returned decision says whether the key is now blocked. */
  public Decision recordFailure(String key) {
    return limiter.tryConsume(spec, key, 1);
  }

  /**
   * Reserves a token for one attempt. If {@link Attempt#decision()} is refused the attempt must not run;
   * otherwise call {@link Attempt#succeeded()} or {@link Attempt#failed()} when its outcome is known.
   */
  public Attempt begin(String key) {
    Decision decision = limiter.tryConsume(spec, key, 1);
    // Under FAIL_OPEN with the store down nothing was taken, so there is nothing to give back.
    boolean reserved = decision.allowed() && !decision.storeUnavailable();
    return new Attempt(decision, reserved ? key : null);
  }

  /** One attempt in progress; settle it once. Settling again does nothing. */
  public final class Attempt {
    private final Decision decision;
    private final String reservedKey;
    private final AtomicBoolean settled = new AtomicBoolean();

    private Attempt(Decision decision, String reservedKey) {
      this.decision = decision;
      this.reservedKey = reservedKey;
    }

    /** Whether the attempt may run, and the values for headers. */
    public Decision decision() {
      return decision;
    }

    /** The attempt succeeded: its token goes back. */
    public void succeeded() {
      if (settled.compareAndSet(false, true) && reservedKey != null) {
        limiter.refund(spec, reservedKey, 1);
      }
    }

    /** The attempt failed: its token stays used. */
    public void failed() {
      settled.set(true);
    }
  }
}
