package dev.bulwark.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * One rate: {@code capacity} tokens per {@code period}, refilled greedily or at the end of each interval.
 * A bucket with two bandwidths enforces both, e.g. a burst of 10 per second and a sustained 100 per hour.
 */
public record Bandwidth(long capacity, Duration period, Refill refill) {

  /** The largest capacity accepted, so every arithmetic step in Bucket4j and here stays far from overflow. */
  public static final long MAX_CAPACITY = 1_000_000_000L;

  /** Checks the values; the messages say what to fix. */
  public Bandwidth {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(refill, "refill");
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0 (was " + capacity + ")");
    }
    if (capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be at most " + MAX_CAPACITY + " (was " + capacity + ")");
    }
    if (period.isNegative() || period.toMillis() <= 0 || period.compareTo(PeriodParser.MAX_PERIOD) > 0) {
      throw new IllegalArgumentException("period must be between 1ms and 366d (was " + period + ")");
    }
    if (period.toNanos() % 1_000_000L != 0) {
      throw new IllegalArgumentException("period must be a whole number of milliseconds (was " + period + ")");
    }
    if (capacity > period.toMillis() * 1_000L) {
      throw new IllegalArgumentException("capacity " + capacity + " per " + PeriodParser.format(period)
          + " is more than one token per microsecond; use a longer period");
    }
  }

  /** A greedy bandwidth from a period string such as {@code "15m"}. */
  public static Bandwidth of(long capacity, String period) {
    return new Bandwidth(capacity, PeriodParser.parse(period), Refill.GREEDY);
  }

  /** The window in whole seconds, rounded up and at least 1, as the {@code w} parameter of RateLimit-Policy. */
  public long windowSeconds() {
    return Math.max(1, ceilSeconds(period.toNanos()));
  }

  static long ceilSeconds(long nanos) {
    if (nanos <= 0) {
      return 0;
    }
    return nanos / 1_000_000_000L + (nanos % 1_000_000_000L == 0 ? 0 : 1);
  }
}
