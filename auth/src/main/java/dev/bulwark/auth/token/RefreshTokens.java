package dev.bulwark.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque refresh tokens: 256 bits from a CSPRNG, base64url without padding (43 characters), stored as their
 * SHA-256. A plain fast hash is right here because the token has full entropy: there is nothing to guess.
 */
final class RefreshTokens {

  static final int TOKEN_BYTES = 32;
  static final int TOKEN_LENGTH = 43;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;

  RefreshTokens(SecureRandom random) {
    this.random = random;
  }

  String newToken() {
    return B64.encodeToString(randomBytes(TOKEN_BYTES));
  }

  /** A 128-bit random id (for jti and family ids). */
  String newId() {
    return B64.encodeToString(randomBytes(16));
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return B64.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Whether {@code token} has the shape of one of ours, so junk never reaches the store. */
  static boolean wellFormed(String token) {
    if (token.length() != TOKEN_LENGTH) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
