package dev.bulwark.annotations;

/** What a rate limit counts by. */
public enum RateKey {
  /** The authenticated caller; not on a public endpoint. */
  PRINCIPAL,
  /** The client address (behind configured trusted proxies only, the forwarded one; IPv6 by /56). */
  CLIENT_IP,
  /** The API key used, or the principal when a token was used; not on a public endpoint. */
  API_KEY,
  /** One bucket for every caller of the endpoint. */
  GLOBAL,
  /** The account named in the request body (see {@link RateLimited#account()}), for credential endpoints. */
  ACCOUNT
}
