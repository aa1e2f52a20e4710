package dev.bulwark.auth;

/** How a {@link Principal} was authenticated. */
public enum AuthMethod {
  /** A verified Bearer JWT access token. */
  JWT,
  /** A verified API key. */
  API_KEY
}
