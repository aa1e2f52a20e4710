package dev.bulwark.auth.apikey;

import java.util.Objects;

/**
 * A newly made API key: the only place the whole key ever appears. Show {@link #key()} to its owner once and
 * drop it; {@link #toString()} redacts it so a stray log line cannot leak it.
 *
 * @param key the whole key, {@code bwk_<keyId>_<secret>}
 * @param record what was stored
 */
public record CreatedApiKey(String key, ApiKeyRecord record) {

  /** Checks both parts are present. */
  public CreatedApiKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(record, "record");
  }

  @Override
  public String toString() {
    return "CreatedApiKey[key=[REDACTED], record=" + record + "]";
  }
}
