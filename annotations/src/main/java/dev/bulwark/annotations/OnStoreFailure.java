package dev.bulwark.annotations;

/** What a rate limit does when its store (Redis) does not answer. */
public enum OnStoreFailure {
  /** Refuse the request: 503 with {@code Retry-After}. The safe choice, and the default. */
  FAIL_CLOSED,
  /** Let the request through uncounted and write an audit event; for limits where availability matters more. */
  FAIL_OPEN
}
