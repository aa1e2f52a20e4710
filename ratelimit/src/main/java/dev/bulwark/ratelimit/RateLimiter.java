package dev.bulwark.ratelimit;

/**
 * Checks and counts requests against a {@link LimitSpec}, per key. The key is already resolved by the caller
 * (a principal id, a client key from the client-IP resolver, an API key id, a tier-qualified name...), so the
 * same limiter serves HTTP handlers, WebSocket messages and GraphQL resolvers alike.
 *
 * <p>No method throws because a store failed: a failing store yields a {@link Decision} with
 * {@link Decision#storeUnavailable()} set, decided by the spec's {@link StoreFailurePolicy}. Methods do
 * throw {@link IllegalArgumentException} for programming errors (a null key, a non-positive token count).
 */
public interface RateLimiter extends AutoCloseable {

  /** Takes one token for {@code key}, if there is one. */
  default Decision tryConsume(LimitSpec spec, String key) {
    return tryConsume(spec, key, 1);
  }

  /**
   * Takes {@code tokens} tokens for {@code key}, all or none. A cost above the spec's smallest capacity can
   * never be met: it is refused with a Retry-After of the longest period.
   */
  Decision tryConsume(LimitSpec spec, String key, long tokens);

  /**
   * Says whether one token could be taken now, taking none: "is this key currently blocked?". Used by
   * failure-only counting (see {@link FailureCounter}).
   */
  Decision peek(LimitSpec spec, String key);

  /**
   * Gives back tokens taken earlier (never above capacity). Store failures are logged and ignored: a lost
   * refund only makes the limit stricter.
   */
  void refund(LimitSpec spec, String key, long tokens);

  /** Releases connections and threads; the default does nothing. */
  @Override
  default void close() {}
}
