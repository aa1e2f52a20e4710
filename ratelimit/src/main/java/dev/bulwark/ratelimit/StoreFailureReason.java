package dev.bulwark.ratelimit;

/** Why a store could not answer: a stable code for logs, never shown to clients. */
enum StoreFailureReason {
  /** No connection to the store (refused, reset, not yet established). */
  UNREACHABLE,
  /** The store did not answer within the command timeout. */
  TIMEOUT,
  /** The store answered with an error, or the answer could not be read. */
  STORE_ERROR,
  /** The calling thread was interrupted while waiting. */
  INTERRUPTED
}
