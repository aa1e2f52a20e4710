package dev.bulwark.auth.password;

import java.util.Base64;
import java.util.Optional;

/**
 * An Argon2id hash in the PHC string format: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, with salt
 * and hash in standard base64 without padding, as the reference implementation writes it.
 *
 * <p>Parsing is strict (exact field order, decimal digits only, no padding, bounded lengths) so a stored value
 * is either exactly what {@link #encode()} wrote or it is refused.
 */
record PhcString(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {

  static final String ALGORITHM = "argon2id";
  static final int VERSION = 0x13;
  private static final int MAX_LENGTH = 512;
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

  String encode() {
    return "$" + ALGORITHM + "$v=" + VERSION + "$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
        + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
  }

  /** The parsed hash, or empty when {@code encoded} is not an Argon2id v19 PHC string within bounds. */
  static Optional<PhcString> parse(String encoded) {
    if (encoded == null || encoded.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals(ALGORITHM)
        || !parts[2].equals("v=" + VERSION)) {
      return Optional.empty();
    }
    String[] params = parts[3].split(",", -1);
    if (params.length != 3) {
      return Optional.empty();
    }
    int m = number(params[0], "m=");
    int t = number(params[1], "t=");
    int p = number(params[2], "p=");
    if (p < 1 || p > Argon2Settings.MAX_PARALLELISM || t < 1 || t > Argon2Settings.MAX_ITERATIONS
        || m < 8 * p || m > Argon2Settings.MAX_MEMORY_KIB) {
      return Optional.empty();
    }
    byte[] salt = base64(parts[4]);
    byte[] hash = base64(parts[5]);
    if (salt == null || hash == null || salt.length < 8 || salt.length > 64 || hash.length < 16
        || hash.length > 64) {
      return Optional.empty();
    }
    return Optional.of(new PhcString(m, t, p, salt, hash));
  }

  // Returns -1 unless the field is the prefix followed by 1 to 7 digits without a leading zero.
  private static int number(String field, String prefix) {
    if (!field.startsWith(prefix)) {
      return -1;
    }
    String digits = field.substring(prefix.length());
    if (digits.isEmpty() || digits.length() > 7 || (digits.length() > 1 && digits.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }

  private static byte[] base64(String text) {
    if (text.isEmpty() || text.indexOf('=') >= 0) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
