package dev.bulwark.auth.jwt;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured JWS keys, by {@code kid}. A token selects a key only by naming its kid; nothing in a token
 * ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) ever adds or selects a key. Rotation: add the new key,
 * sign with it, and drop the old one once every token it signed has expired.
 */
public final class KeySet {

  private final Map<String, JwtKey> byKid;

  private KeySet(Map<String, JwtKey> byKid) {
    this.byKid = byKid;
  }

  /** A key set of the given keys; fails on none, or on a duplicate kid. */
  public static KeySet of(JwtKey... keys) {
    return of(keys == null ? List.of() : List.of(keys));
  }

  /** A key set of the given keys; fails on none, or on a duplicate kid. */
  public static KeySet of(Collection<JwtKey> keys) {
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException("a JWT key set needs at least one key");
    }
    Map<String, JwtKey> byKid = new LinkedHashMap<>();
    for (JwtKey key : keys) {
      if (key == null) {
        throw new IllegalArgumentException("a JWT key set cannot hold a null key");
      }
      if (byKid.putIfAbsent(key.kid(), key) != null) {
        throw new IllegalArgumentException("two JWT keys share the kid '" + key.kid()
            + "'; every key needs its own kid so a token can name exactly one");
      }
    }
    return new KeySet(Map.copyOf(byKid));
  }

  /** The key with this kid, if configured. */
  public Optional<JwtKey> byKid(String kid) {
    return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
  }

  /** The key set's only key, when it has exactly one. */
  Optional<JwtKey> soleKey() {
    return byKid.size() == 1 ? Optional.of(byKid.values().iterator().next()) : Optional.empty();
  }

  /** How many keys are configured. */
  public int size() {
    return byKid.size();
  }

  @Override
  public String toString() {
    return "KeySet" + new java.util.TreeSet<>(byKid.keySet());
  }
}
