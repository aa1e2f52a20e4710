package dev.bulwark.fuzz;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reference encoding for the fuzz targets' models: the JDK's decoder and a strict RFC 3986 encoder. */
final class Encoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Encoding() {}

  /** Percent-encodes every UTF-8 byte that is not unreserved (ALPHA, DIGIT, {@code -._~}). */
  static String strict(String value) {
    StringBuilder out = new StringBuilder(value.length() * 3);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** The JDK's form decoding ({@code +} is a space), for input already known to be well formed. */
  static String decodeQuery(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
