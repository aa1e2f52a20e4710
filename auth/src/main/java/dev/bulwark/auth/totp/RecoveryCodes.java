package dev.bulwark.auth.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery codes: 16 characters of the RFC 4648 Base32 alphabet (80 bits from the CSPRNG), shown as four groups
 * of four. 80 random bits make a fast hash safe to store (a slow KDF would buy nothing against a search of
 * 2^80), so each is kept as a SHA-256 hash of its normalised form.
 */
final class RecoveryCodes {

  static final int COUNT = 10;
  private static final int LENGTH = 16;
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private RecoveryCodes() {}

  /** Fresh codes, formatted for display. */
  static List<String> generate(SecureRandom random) {
    List<String> codes = new ArrayList<>(COUNT);
    for (int n = 0; n < COUNT; n++) {
      StringBuilder code = new StringBuilder(LENGTH + 3);
      for (int i = 0; i < LENGTH; i++) {
        if (i > 0 && i % 4 == 0) {
          code.append('-');
        }
        code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /**
   * The hash of a typed code, after removing hyphens and spaces and lower-casing (a recovery code is read off
   * paper, unlike a password); empty when the result is not 16 alphabet characters.
   */
  static Optional<String> hashOf(String typed) {
    if (typed == null || typed.length() > 64) {
      return Optional.empty();
    }
    String normal = typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    if (normal.length() != LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < normal.length(); i++) {
      char c = normal.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
        return Optional.empty();
      }
    }
    return Optional.of(hashNormal(normal));
  }

  /** The hashes of freshly generated (display-formatted) codes. */
  static List<String> hashAll(List<String> codes) {
    return codes.stream().map(code -> hashOf(code).orElseThrow()).toList();
  }

  private static String hashNormal(String normal) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform has SHA-256", impossible);
    }
  }
}
