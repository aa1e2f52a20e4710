package dev.bulwark.runtime.bind;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding (RFC 3986) to UTF-8: a malformed escape or bytes that are not valid UTF-8 are refused
 * rather than replaced, and so is a raw non-ASCII character (RFC 3986 wants it percent-encoded), so two parsers
 * can never disagree about what a value says.
 */
public final class PercentDecoding {
  private PercentDecoding() {}

  /** Decodes a path segment; {@code +} stays a plus sign. */
  public static String decodePath(String raw) {
    return decode(raw, false);
  }

  /** Decodes a query-string name or value; {@code +} is a space (HTML form encoding). */
  public static String decodeQuery(String raw) {
    return decode(raw, true);
  }

  private static String decode(String raw, boolean plusIsSpace) {
    int first = firstSpecial(raw, plusIsSpace);
    if (first < 0) {
      return raw;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("truncated escape");
        }
        int hi = hex(raw.charAt(i + 1));
        int lo = hex(raw.charAt(i + 2));
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("bad escape");
        }
        bytes.put((byte) ((hi << 4) | lo));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.put((byte) ' ');
      } else if (c < 0x80) {
        bytes.put((byte) c);
      } else {
        throw new IllegalArgumentException("raw non-ASCII character; percent-encode it");
      }
    }
    bytes.flip();
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8");
    }
  }

  private static int firstSpecial(String raw, boolean plusIsSpace) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' || (plusIsSpace && c == '+') || c >= 0x80) {
        return i;
      }
    }
    return -1;
  }

  /** An ASCII hex digit's value, or -1: {@code Character.digit} would also take Arabic-Indic or full-width digits. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
