package dev.bulwark.ratelimit.clientip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code for=} node of each element of RFC 7239 {@code Forwarded} fields, in order.
 *
 * <p>No well-kept Java library parses this header on its own, so this is a small, strict reader of the
 * RFC's grammar (elements split by commas, pairs by semicolons, values tokens or quoted strings) that gives up
 * on anything else: the caller then falls back to the socket peer, which costs a spoofer everything.
 */
final class ForwardedParser {

  private ForwardedParser() {}

  /** The {@code for=} value of every element, unquoted, or empty when any element is malformed. */
  static Optional<List<String>> forNodes(List<String> fieldValues) {
    List<String> nodes = new ArrayList<>();
    for (String field : fieldValues) {
      if (field == null || !parseField(field, nodes)) {
        return Optional.empty();
      }
    }
    return Optional.of(nodes);
  }

  private static boolean parseField(String field, List<String> nodes) {
    int i = 0;
    int n = field.length();
    while (true) {
      String forNode = null;
      // One element: pairs separated by ';', up to a ',' or the end.
      while (true) {
        i = skipSpaces(field, i);
        int nameStart = i;
        while (i < n && isTokenChar(field.charAt(i))) {
          i++;
        }
        if (i == nameStart || i >= n || field.charAt(i) != '=') {
          return false;
        }
        String name = field.substring(nameStart, i).toLowerCase(Locale.ROOT);
        i++;
        StringBuilder value = new StringBuilder();
        if (i < n && field.charAt(i) == '"') {
          i++;
          boolean closed = false;
          while (i < n) {
            char c = field.charAt(i++);
            if (c == '\\' && i < n) {
              value.append(field.charAt(i++));
            } else if (c == '"') {
              closed = true;
              break;
            } else {
              value.append(c);
            }
          }
          if (!closed) {
            return false;
          }
        } else {
          int valueStart = i;
          while (i < n && isTokenChar(field.charAt(i))) {
            i++;
          }
          if (i == valueStart) {
            return false;
          }
          value.append(field, valueStart, i);
        }
        if (name.equals("for")) {
          if (forNode != null) {
            return false; // two for= in one element: which one is the hop?
          }
          forNode = value.toString();
        }
        i = skipSpaces(field, i);
        if (i < n && field.charAt(i) == ';') {
          i++;
          continue;
        }
        break;
      }
      if (forNode == null) {
        return false; // a hop that does not say who it forwarded for cannot be walked past
      }
      nodes.add(forNode);
      if (i >= n) {
        return true;
      }
      if (field.charAt(i) != ',') {
        return false;
      }
      i++;
    }
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  // RFC 9110 tchar.
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
