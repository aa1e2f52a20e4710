package dev.bulwark.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the subset of RFC 9651 Structured Field Lists the RateLimit headers use: members that are
 * sf-string items with sf-integer parameters ({@code "name";q=10;w=60, "other";q=5;w=1}). Anything outside the
 * grammar (an unescaped quote, a backslash before anything but {@code "} or {@code \}, a character outside
 * 0x20-0x7e, a bad key, an integer over 15 digits, a trailing comma) is an {@link IllegalArgumentException}. Test
 * oracle only: no maintained Java RFC 9651 parser is served here.
 */
final class StructuredFields {
  /** One list member: its string and its integer parameters in order. */
  record Item(String value, Map<String, Long> params) {}

  private final String text;
  private int i;

  private StructuredFields(String text) {
    this.text = text;
  }

  static List<Item> parseList(String text) {
    StructuredFields p = new StructuredFields(text);
    List<Item> items = new ArrayList<>();
    p.skip(' ');
    if (p.i == text.length()) {
      return items;
    }
    while (true) {
      items.add(p.item());
      p.skipOws();
      if (p.i == text.length()) {
        return items;
      }
      p.expect(',');
      p.skipOws();
      if (p.i == text.length()) {
        throw new IllegalArgumentException("trailing comma");
      }
    }
  }

  private Item item() {
    String value = string();
    Map<String, Long> params = new LinkedHashMap<>();
    while (i < text.length() && text.charAt(i) == ';') {
      i++;
      skip(' ');
      String key = key();
      expect('=');
      if (params.put(key, integer()) != null) {
        throw new IllegalArgumentException("parameter " + key + " twice");
      }
    }
    return new Item(value, params);
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (c == '\\') {
        if (i >= text.length() || (text.charAt(i) != '"' && text.charAt(i) != '\\')) {
          throw new IllegalArgumentException("bad escape");
        }
        out.append(text.charAt(i++));
      } else if (c == '"') {
        return out.toString();
      } else if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("character outside sf-string");
      } else {
        out.append(c);
      }
    }
    throw new IllegalArgumentException("unterminated string");
  }

  private String key() {
    int start = i;
    if (i >= text.length() || !((text.charAt(i) >= 'a' && text.charAt(i) <= 'z') || text.charAt(i) == '*')) {
      throw new IllegalArgumentException("bad key");
    }
    while (i < text.length() && "abcdefghijklmnopqrstuvwxyz0123456789_-.*".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return text.substring(start, i);
  }

  private long integer() {
    int start = i;
    if (i < text.length() && text.charAt(i) == '-') {
      i++;
    }
    int digits = i;
    while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 0x80) {
      i++;
    }
    if (i == digits || i - digits > 15) {
      throw new IllegalArgumentException("bad integer");
    }
    return Long.parseLong(text.substring(start, i));
  }

  private void expect(char c) {
    if (i >= text.length() || text.charAt(i) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + i);
    }
    i++;
  }

  private void skip(char c) {
    while (i < text.length() && text.charAt(i) == c) {
      i++;
    }
  }

  private void skipOws() {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
  }
}
