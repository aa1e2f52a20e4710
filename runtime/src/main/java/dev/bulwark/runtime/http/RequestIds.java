package dev.bulwark.runtime.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: 128 random bits as 32 hex digits. They correlate a client's problem response with the server log, so
 * they need to be unique, not secret; an id the client sends is never trusted or echoed.
 */
public final class RequestIds {
  /** The response header that carries the id. */
  public static final String HEADER = "X-Request-Id";

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {}

  /** A fresh id. */
  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] out = new char[32];
    write(random.nextLong(), out, 0);
    write(random.nextLong(), out, 16);
    return new String(out);
  }

  private static void write(long bits, char[] out, int offset) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = HEX[(int) (bits & 0xf)];
      bits >>>= 4;
    }
  }
}
