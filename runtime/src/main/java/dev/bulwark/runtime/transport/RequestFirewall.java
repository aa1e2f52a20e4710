package dev.bulwark.runtime.transport;

import dev.bulwark.runtime.http.HttpProblem;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, before routing, every request target that two parsers could read differently, in the manner of Spring
 * Security's {@code StrictHttpFirewall}: encoded dots, slashes, backslashes, semicolons and percent signs (so also
 * double encoding such as {@code %252e}), raw {@code ;}, {@code \}, {@code //}, control characters (NUL, CR, LF and the
 * rest, raw or encoded), {@code U+2028}/{@code U+2029} (raw or encoded), any raw non-ASCII character, and paths that are
 * not normalized ({@code /./}, {@code /../}, a trailing {@code /.} or {@code /..}). Each is a 400 problem on both
 * servers; the detail of which rule fired goes only to the log.
 */
public final class RequestFirewall {
  private static final String[] ENCODED_PATH_BLOCKLIST = {
    "%2e", "%2f", "%5c", "%3b", "%25", "%e2%80%a8", "%e2%80%a9"
  };

  private RequestFirewall() {}

  /** Checks the raw (still encoded) path and query of a request; throws a 400 problem if either is refused. */
  public static void check(String rawPath, String rawQuery) {
    String pathProblem = pathProblem(rawPath);
    if (pathProblem != null) {
      throw HttpProblem.badRequest(List.of(new HttpProblem.FieldError("path", "is not a normalized path")),
          "firewall: " + pathProblem);
    }
    if (rawQuery != null && !printableAscii(rawQuery)) {
      throw HttpProblem.badRequest(List.of(new HttpProblem.FieldError("query", "has a character that must be percent-encoded")),
          "firewall: raw control, space or non-ASCII character in the query");
    }
  }

  /** Why the raw path is refused, or {@code null} when it is acceptable. */
  static String pathProblem(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return "not an absolute path";
    }
    if (!printableAscii(rawPath)) {
      return "raw control, space or non-ASCII character";
    }
    if (rawPath.indexOf(';') >= 0) {
      return "semicolon (path parameter)";
    }
    if (rawPath.indexOf('\\') >= 0) {
      return "backslash";
    }
    if (rawPath.contains("//")) {
      return "empty segment (//)";
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    for (String encoded : ENCODED_PATH_BLOCKLIST) {
      if (lower.contains(encoded)) {
        return "encoded " + encoded;
      }
    }
    String encodedControl = encodedControl(lower);
    if (encodedControl != null) {
      return "encoded control character " + encodedControl;
    }
    if (lower.contains("/./") || lower.contains("/../") || lower.endsWith("/.") || lower.endsWith("/..")) {
      return "not normalized (. or .. segment)";
    }
    return null;
  }

  /** Printable US-ASCII only: no control character, no space, no DEL, nothing above 0x7e. */
  private static boolean printableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** The first {@code %00}-{@code %1f} or {@code %7f} escape (also C1 controls as UTF-8, {@code %c2%80}-{@code %c2%9f}). */
  private static String encodedControl(String lower) {
    for (int i = lower.indexOf('%'); i >= 0 && i + 2 < lower.length(); i = lower.indexOf('%', i + 1)) {
      char hi = lower.charAt(i + 1);
      char lo = lower.charAt(i + 2);
      if (hi == '0' || hi == '1' || (hi == '7' && lo == 'f')) {
        return lower.substring(i, i + 3);
      }
      if (hi == 'c' && lo == '2' && (lower.startsWith("%8", i + 3) || lower.startsWith("%9", i + 3))) {
        return lower.substring(i, i + 6);
      }
    }
    return null;
  }
}
