package dev.bulwark.runtime.transport;

import dev.bulwark.runtime.http.HttpProblem;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a request whose framing two parsers could read differently (request smuggling, RFC 9112 sections 6.1 and
 * 6.3): both {@code Content-Length} and {@code Transfer-Encoding}, two {@code Content-Length} values (equal or not), one
 * that is not plain digits ({@code +5}, {@code 0x10}, {@code 5, 5}), a {@code Transfer-Encoding} other than exactly
 * {@code chunked}, and an HTTP/1.1 request without exactly one {@code Host}. Also refuses a header value with a
 * control character (NUL, say), which one server keeps and the other refuses. Each is a 400 with
 * {@code Connection: close}: after a framing error the rest of the connection cannot be trusted.
 */
public final class Framing {
  /** The response header that makes either server close the connection after the response. */
  public static final String CLOSE_HEADER = "Connection";

  private Framing() {}

  /** Checks the request; throws a 400 problem that closes the connection when its framing is ambiguous. */
  public static void check(WireRequest request) {
    List<String> lengths = request.headerValues("Content-Length");
    List<String> encodings = request.headerValues("Transfer-Encoding");
    if (!lengths.isEmpty() && !encodings.isEmpty()) {
      throw refused("both Content-Length and Transfer-Encoding");
    }
    if (lengths.size() > 1) {
      throw refused("Content-Length given " + lengths.size() + " times");
    }
    if (lengths.size() == 1 && !digits(lengths.get(0).trim())) {
      throw refused("Content-Length is not a non-negative decimal number");
    }
    if (encodings.size() > 1 || (encodings.size() == 1 && !encodings.get(0).trim().toLowerCase(Locale.ROOT).equals("chunked"))) {
      throw refused("Transfer-Encoding other than a single chunked");
    }
    if ("HTTP/1.1".equals(request.protocol()) && request.headerValues("Host").size() != 1) {
      throw refused("HTTP/1.1 request without exactly one Host");
    }
    String[] bad = new String[1];
    request.forEachHeader((name, value) -> {
      if (bad[0] == null && hasControl(value)) {
        bad[0] = name;
      }
    });
    if (bad[0] != null) {
      throw refused("control character in a header value");
    }
  }

  /** A 400 that closes the connection, for a request whose body cannot be delimited safely. */
  public static HttpProblem refused(String logDetail) {
    return HttpProblem.of(400, "framing: " + logDetail).withHeader(CLOSE_HEADER, "close");
  }

  private static boolean digits(String value) {
    if (value.isEmpty() || value.length() > 18) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
