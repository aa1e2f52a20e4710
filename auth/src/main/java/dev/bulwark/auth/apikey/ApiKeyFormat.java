package dev.bulwark.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key format, {@code bwk_<keyId>_<secret>}: a fixed prefix that secret scanners can match, a 64-bit key id
 * as 16 lower-case hex characters (hex, so it cannot contain the {@code _} separator), and a 256-bit secret as
 * 43 base64url characters without padding. Every key is exactly {@link #LENGTH} characters.
 */
final class ApiKeyFormat {

  static final String PREFIX = "bwk_";
  static final int KEY_ID_CHARS = 16;
  static final int SECRET_BYTES = 32;
  static final int SECRET_CHARS = 43;
  static final int LENGTH = PREFIX.length() + KEY_ID_CHARS + 1 + SECRET_CHARS;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private ApiKeyFormat() {}

  /** A fresh random key id. */
  static String newKeyId(SecureRandom random) {
    byte[] id = new byte[KEY_ID_CHARS / 2];
    random.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  /** A fresh key for {@code keyId}. */
  static String newKey(String keyId, SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return PREFIX + keyId + "_" + BASE64URL.encodeToString(secret);
  }

  /** The key id of a well-formed key, or empty; checks every character, so nothing malformed reaches a store. */
  static Optional<String> keyIdOf(String presented) {
    if (presented == null || presented.length() != LENGTH || !presented.startsWith(PREFIX)
        || presented.charAt(PREFIX.length() + KEY_ID_CHARS) != '_') {
      return Optional.empty();
    }
    for (int i = PREFIX.length(); i < PREFIX.length() + KEY_ID_CHARS; i++) {
      char c = presented.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return Optional.empty();
      }
    }
    for (int i = PREFIX.length() + KEY_ID_CHARS + 1; i < LENGTH; i++) {
      char c = presented.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_')) {
        return Optional.empty();
      }
    }
    // 43 characters carry 258 bits: only the encoding whose last 2 bits are zero is one this class wrote.
    String secret = presented.substring(LENGTH - SECRET_CHARS);
    if (!BASE64URL.encodeToString(Base64.getUrlDecoder().decode(secret)).equals(secret)) {
      return Optional.empty();
    }
    return Optional.of(presented.substring(PREFIX.length(), PREFIX.length() + KEY_ID_CHARS));
  }

  /** The stored form: base64url SHA-256 of the whole key. */
  static String hash(String key) {
    return BASE64URL.encodeToString(sha256(key));
  }

  /** Whether {@code key} hashes to {@code storedHash}, compared in constant time. */
  static boolean matches(String key, String storedHash) {
    byte[] expected;
    try {
      expected = Base64.getUrlDecoder().decode(storedHash);
    } catch (IllegalArgumentException corrupt) {
      return false;
    }
    return MessageDigest.isEqual(sha256(key), expected);
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform has SHA-256", impossible);
    }
  }
}
