package dev.bulwark.ratelimit.clientip;

/**
 * The header the trusted proxies write. Only one is read: a proxy that appends to {@code X-Forwarded-For}
 * passes a client's own {@code Forwarded} header through untouched, so reading both would let the client
 * choose its address.
 */
public enum ProxyHeader {
  /** {@code X-Forwarded-For: client, proxy1, proxy2} (nginx, HAProxy, most cloud load balancers). */
  X_FORWARDED_FOR,
  /** RFC 7239 {@code Forwarded: for=client, for="[2001:db8::1]:4711"}. */
  FORWARDED
}
