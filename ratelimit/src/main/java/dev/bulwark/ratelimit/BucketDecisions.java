package dev.bulwark.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketState;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.VerboseResult;
import java.util.ArrayList;
import java.util.List;

/** Translates between this module's model and Bucket4j's, for both stores. */
final class BucketDecisions {

  private BucketDecisions() {}

  static BucketConfiguration configuration(LimitSpec spec) {
    var builder = BucketConfiguration.builder();
    for (Bandwidth bandwidth : spec.bandwidths()) {
      // Refill the full capacity per period: "capacity per period" is what users write and what headers say.
      builder.addLimit(limit -> {
        var capacity = limit.capacity(bandwidth.capacity());
        return bandwidth.refill() == Refill.GREEDY
            ? capacity.refillGreedy(bandwidth.capacity(), bandwidth.period())
            : capacity.refillIntervally(bandwidth.capacity(), bandwidth.period());
      });
    }
    return builder.build();
  }

  static void checkTokens(long tokens) {
    if (tokens < 1) {
      throw new IllegalArgumentException("tokens must be >= 1 (was " + tokens + ")");
    }
  }

  static Decision consumed(LimitSpec spec, long tokens, VerboseResult<ConsumptionProbe> result) {
    ConsumptionProbe probe = result.getValue();
    long retryAfter = 0;
    if (!probe.isConsumed()) {
      retryAfter = tokens > spec.smallestCapacity()
          ? Bandwidth.ceilSeconds(spec.longestPeriod().toNanos())
          : retryAfterSeconds(spec, probe.getNanosToWaitForRefill());
    }
    return decision(spec, probe.isConsumed(), probe.getRemainingTokens(), retryAfter, result);
  }

  static Decision estimated(LimitSpec spec, VerboseResult<EstimationProbe> result) {
    EstimationProbe probe = result.getValue();
    long retryAfter = probe.canBeConsumed() ? 0 : retryAfterSeconds(spec, probe.getNanosToWaitForRefill());
    return decision(spec, probe.canBeConsumed(), probe.getRemainingTokens(), retryAfter, result);
  }

  // Rounded up, so a client that waits exactly this long is admitted; at least 1 (a 0 would invite a hot retry
  // loop); at most the longest period, which bounds any wait for a cost within capacity (Bucket4j reports
  // "infinity" as Long.MAX_VALUE in corner cases, which must not reach a header).
  private static long retryAfterSeconds(LimitSpec spec, long nanosToWait) {
    long ceiling = Bandwidth.ceilSeconds(spec.longestPeriod().toNanos());
    return Math.max(1, Math.min(ceiling, Bandwidth.ceilSeconds(nanosToWait)));
  }

  private static Decision decision(LimitSpec spec, boolean allowed, long remaining, long retryAfter,
      VerboseResult<?> result) {
    BucketState state = result.getState();
    long now = result.getOperationTimeNanos();
    List<Bandwidth> bandwidths = spec.bandwidths();
    long bucketFullNanos = -1; // computed lazily: only interval bandwidths need it
    List<Decision.Quota> quotas = new ArrayList<>(bandwidths.size());
    for (int i = 0; i < bandwidths.size(); i++) {
      Bandwidth bandwidth = bandwidths.get(i);
      long current = Math.max(0, state.getCurrentSize(i));
      long resetNanos;
      if (current >= bandwidth.capacity()) {
        resetNanos = 0;
      } else if (bandwidth.refill() == Refill.GREEDY) {
        resetNanos = greedyFullNanos(bandwidth, bandwidth.capacity() - current, state.getRoundingError(i));
      } else {
        if (bucketFullNanos < 0) {
          bucketFullNanos = state.calculateFullRefillingTime(now);
        }
        // Bucket4j exposes only the whole bucket's time to full for interval refill. With one bandwidth that is
        // exact; with several it is an upper bound, capped by the period (an interval refill never takes longer).
        resetNanos = Math.min(bucketFullNanos, bandwidth.period().toNanos());
      }
      quotas.add(new Decision.Quota(bandwidth, current, Bandwidth.ceilSeconds(resetNanos)));
    }
    Decision draft = new Decision(allowed, Math.max(0, remaining), 0, 0, retryAfter, false, quotas);
    Decision.Quota dominant = quotas.get(draft.dominantIndex());
    return new Decision(allowed, Math.max(0, remaining), dominant.bandwidth().capacity(), dominant.resetSeconds(),
        retryAfter, false, quotas);
  }

  // Mirrors Bucket4j's own greedy calculation: the deficit in token-nanoseconds, less the part of a token already
  // refilled (the rounding error), divided by the refill rate.
  private static long greedyFullNanos(Bandwidth bandwidth, long deficit, long roundingError) {
    long periodNanos = bandwidth.period().toNanos();
    long high = Math.multiplyHigh(periodNanos, deficit);
    long product = periodNanos * deficit;
    if (high != 0 || product < 0) {
      return (long) ((double) deficit / bandwidth.capacity() * periodNanos);
    }
    long nanos = (product - roundingError) / bandwidth.capacity();
    return Math.max(0, nanos);
  }
}
