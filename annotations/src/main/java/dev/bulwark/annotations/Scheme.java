package dev.bulwark.annotations;

/** The credentials an endpoint accepts. */
public enum Scheme {
  /** {@code Authorization: Bearer <JWT access token>}. */
  BEARER,
  /** {@code X-API-Key: bwk_...}, an API key with scopes. */
  API_KEY
}
