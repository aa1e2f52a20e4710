package dev.bulwark.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * Turns caller keys into bounded storage keys. Short keys of visible ASCII are kept as they are, which keeps
 * Redis readable; anything longer, or with other characters, is replaced by its SHA-256, so a caller that
 * passes a 10 kB header value cannot make a store hold 10 kB per key.
 */
final class StoreKeys {

  static final int MAX_RAW_LENGTH = 128;
  private static final char HASHED = '#';

  private StoreKeys() {}

  static String normalize(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    if (key.length() <= MAX_RAW_LENGTH && key.charAt(0) != HASHED && visibleAscii(key)) {
      return key;
    }
    return HASHED + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(key));
  }

  private static boolean visibleAscii(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
