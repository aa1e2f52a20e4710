package dev.bulwark.ratelimit;

/**
 * What a limit does when its shared store (Redis) cannot answer. An explicit choice per limit, never a
 * silent default hidden in a store: both outcomes set {@link Decision#storeUnavailable()}.
 */
public enum StoreFailurePolicy {
  /** Refuse the request, with a Retry-After; the HTTP layer answers 503. The default, and right for credentials. */
  FAIL_CLOSED,
  /** Let the request through; the caller writes an audit event so the unlimited window is on record. */
  FAIL_OPEN
}
