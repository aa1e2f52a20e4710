package dev.bulwark.ratelimit;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one rate-limit check.
 *
 * @param allowed whether the request may go ahead
 * @param remaining tokens left after this request, the smallest over all bandwidths (0 when unknown)
 * @param limit the capacity of the bandwidth closest to exhaustion (the one headers report)
 * @param resetSeconds seconds until that bandwidth is full again, rounded up
 * @param retryAfterSeconds when refused, whole seconds until the same request would be allowed, rounded up
 *     and at least 1; 0 when allowed
 * @param storeUnavailable the store could not answer and the limit's {@link StoreFailurePolicy} decided;
 *     the counts above are then unknown and {@link #quotas()} is empty
 * @param quotas one entry per bandwidth of the spec, in the spec's order
 */
public record Decision(boolean allowed, long remaining, long limit, long resetSeconds, long retryAfterSeconds,
    boolean storeUnavailable, List<Quota> quotas) {

  /** The live state of one bandwidth after a check. */
  public record Quota(Bandwidth bandwidth, long remaining, long resetSeconds) {}

  /** Checks the values. */
  public Decision {
    quotas = List.copyOf(Objects.requireNonNull(quotas, "quotas"));
    if (allowed && retryAfterSeconds != 0) {
      throw new IllegalArgumentException("an allowed decision has no Retry-After");
    }
    if (!allowed && retryAfterSeconds < 1) {
      throw new IllegalArgumentException("a refused decision needs a Retry-After of at least 1 second");
    }
  }

  /** The index into {@link #quotas()} of the bandwidth closest to exhaustion, or -1 when there are none. */
  public int dominantIndex() {
    int best = -1;
    for (int i = 0; i < quotas.size(); i++) {
      Quota q = quotas.get(i);
      if (best < 0 || q.remaining() < quotas.get(best).remaining()
          || (q.remaining() == quotas.get(best).remaining() && q.resetSeconds() > quotas.get(best).resetSeconds())) {
        best = i;
      }
    }
    return best;
  }

  static Decision storeFailure(LimitSpec spec, long retryAfterSeconds) {
    long limit = spec.smallestCapacity();
    return spec.onStoreFailure() == StoreFailurePolicy.FAIL_OPEN
        ? new Decision(true, 0, limit, 0, 0, true, List.of())
        : new Decision(false, 0, limit, retryAfterSeconds, Math.max(1, retryAfterSeconds), true, List.of());
  }
}
