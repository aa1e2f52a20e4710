package dev.bulwark.auth.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HOTP value of RFC 4226 section 5, the core of TOTP: the JDK's HMAC over the 8-byte big-endian counter,
 * then dynamic truncation to {@code digits} decimal digits.
 */
final class Hotp {

  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private Hotp() {}

  static String code(TotpSettings.Algorithm algorithm, byte[] secret, long counter, int digits) {
    byte[] hmac;
    try {
      Mac mac = Mac.getInstance(algorithm.jcaName);
      mac.init(new SecretKeySpec(secret, algorithm.jcaName));
      hmac = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException("the JDK has no " + algorithm.jcaName, unavailable);
    }
    int offset = hmac[hmac.length - 1] & 0x0f;
    int binary = ((hmac[offset] & 0x7f) << 24)
        | ((hmac[offset + 1] & 0xff) << 16)
        | ((hmac[offset + 2] & 0xff) << 8)
        | (hmac[offset + 3] & 0xff);
    String value = Integer.toString(binary % POWERS[digits]);
    return "0".repeat(digits - value.length()) + value;
  }
}
