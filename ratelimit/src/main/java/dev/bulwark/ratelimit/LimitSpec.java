package dev.bulwark.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named limit: one or more bandwidths enforced together in one bucket, and what to do when the store fails.
 *
 * <p>The name identifies the bucket: endpoints that use the same name and bandwidths share buckets. Two specs
 * with the same name but different bandwidths never share state (the stores key by both), so a changed limit
 * starts from full buckets instead of inheriting counts made under other rules.
 *
 * <pre>{@code
 * LimitSpec login = LimitSpec.builder("login")
 *     .limit(5, "1m")           // burst
 *     .limit(20, "1h")          // sustained
 *     .onStoreFailure(StoreFailurePolicy.FAIL_CLOSED)
 *     .build();
 * }</pre>
 */
public record LimitSpec(String name, List<Bandwidth> bandwidths, StoreFailurePolicy onStoreFailure) {

  /** Names are used in storage keys and header values, so they are restricted to a safe alphabet. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** More bandwidths than this in one bucket is a configuration mistake rather than a policy. */
  public static final int MAX_BANDWIDTHS = 4;

  /** Checks the values; the messages say what to fix. */
  public LimitSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(onStoreFailure, "onStoreFailure");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("limit name must match " + NAME.pattern()
          + " (letters, digits, '.', '_', '-', at most 64 characters)");
    }
    bandwidths = List.copyOf(bandwidths);
    if (bandwidths.isEmpty() || bandwidths.size() > MAX_BANDWIDTHS) {
      throw new IllegalArgumentException("limit \"" + name + "\" needs 1 to " + MAX_BANDWIDTHS
          + " bandwidths (had " + bandwidths.size() + ")");
    }
    Set<Duration> periods = new HashSet<>();
    for (Bandwidth bandwidth : bandwidths) {
      if (!periods.add(bandwidth.period())) {
        throw new IllegalArgumentException("limit \"" + name + "\" has two bandwidths with the period "
            + PeriodParser.format(bandwidth.period()) + "; keep only the smaller capacity");
      }
    }
  }

  /** A single greedy bandwidth that fails closed: {@code LimitSpec.of("search", 30, "1m")}. */
  public static LimitSpec of(String name, long capacity, String period) {
    return new LimitSpec(name, List.of(Bandwidth.of(capacity, period)), StoreFailurePolicy.FAIL_CLOSED);
  }

  /** Starts a spec with more than one bandwidth or a non-default failure policy. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The same limit with another store failure policy. */
  public LimitSpec withStoreFailurePolicy(StoreFailurePolicy policy) {
    return new LimitSpec(name, bandwidths, policy);
  }

  /**
   * The identifier of bandwidth {@code index} in RateLimit headers: the name alone for a single bandwidth,
   * otherwise the name and the period ({@code "login.1m"}, {@code "login.1h"}), unique by construction.
   */
  public String policyId(int index) {
    return bandwidths.size() == 1 ? name : name + "." + PeriodParser.format(bandwidths.get(index).period());
  }

  /** The longest period: a bucket untouched for this long is full again, so it may be forgotten. */
  public Duration longestPeriod() {
    Duration longest = Duration.ZERO;
    for (Bandwidth bandwidth : bandwidths) {
      if (bandwidth.period().compareTo(longest) > 0) {
        longest = bandwidth.period();
      }
    }
    return longest;
  }

  /** The smallest capacity: no request can cost more tokens than this. */
  public long smallestCapacity() {
    long smallest = Long.MAX_VALUE;
    for (Bandwidth bandwidth : bandwidths) {
      smallest = Math.min(smallest, bandwidth.capacity());
    }
    return smallest;
  }

  /** A readable, stable description of the bandwidths, such as {@code 5g1m+20i1h}; part of storage keys. */
  public String fingerprint() {
    StringBuilder out = new StringBuilder();
    for (Bandwidth bandwidth : bandwidths) {
      if (out.length() > 0) {
        out.append('+');
      }
      out.append(bandwidth.capacity()).append(bandwidth.refill() == Refill.GREEDY ? 'g' : 'i')
          .append(PeriodParser.format(bandwidth.period()));
    }
    return out.toString();
  }

  /** Builds a {@link LimitSpec}; the default failure policy is {@link StoreFailurePolicy#FAIL_CLOSED}. */
  public static final class Builder {
    private final String name;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private StoreFailurePolicy policy = StoreFailurePolicy.FAIL_CLOSED;

    private Builder(String name) {
      this.name = name;
    }

    /** Adds a greedy bandwidth of {@code capacity} per {@code period} (a string such as {@code "15m"}). */
    public Builder limit(long capacity, String period) {
      return limit(capacity, PeriodParser.parse(period), Refill.GREEDY);
    }

    /** Adds a bandwidth. */
    public Builder limit(long capacity, Duration period, Refill refill) {
      bandwidths.add(new Bandwidth(capacity, period, refill));
      return this;
    }

    /** Sets what happens when the store cannot answer. */
    public Builder onStoreFailure(StoreFailurePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Checks and returns the spec. */
    public LimitSpec build() {
      return new LimitSpec(name, bandwidths, policy);
    }
  }
}
