package dev.bulwark.runtime.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers set on every response, errors included. The defaults suit a JSON API; each header can be
 * replaced or removed by name without turning the others off. Values are checked once, here, so nothing configured
 * can inject a CR or LF into a response.
 */
public final class HeaderPolicy {
  private final String[] names;
  private final String[] values;

  private HeaderPolicy(Map<String, String> headers) {
    this.names = headers.keySet().toArray(new String[0]);
    this.values = headers.values().toArray(new String[0]);
  }

  /** nosniff, frame denial, a CSP that allows nothing, no referrer, and no caching. */
  public static HeaderPolicy defaults() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cache-Control", "no-store");
    return new HeaderPolicy(h);
  }

  /** A copy with the header set to the value (replacing the default of the same name). */
  public HeaderPolicy with(String name, String value) {
    checkToken(name);
    checkValue(name, value);
    Map<String, String> copy = headers();
    copy.keySet().removeIf(n -> n.equalsIgnoreCase(name));
    copy.put(name, value);
    return new HeaderPolicy(copy);
  }

  /** A copy without the named header. */
  public HeaderPolicy without(String name) {
    Map<String, String> copy = headers();
    copy.keySet().removeIf(n -> n.equalsIgnoreCase(name));
    return new HeaderPolicy(copy);
  }

  /** The headers, in the order they are written. */
  public Map<String, String> headers() {
    Map<String, String> copy = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      copy.put(names[i], values[i]);
    }
    return copy;
  }

  /** Writes every header of the policy to the response. */
  public void applyTo(Exchange exchange) {
    for (int i = 0; i < names.length; i++) {
      exchange.setHeader(names[i], values[i]);
    }
  }

  static void checkToken(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("A header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        throw new IllegalArgumentException("Header name '" + name + "' has a character that is not allowed in a header name; use letters, digits and - only");
      }
    }
  }

  static void checkValue(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("Header " + name + " needs a value; use without(\"" + name + "\") to drop it");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        throw new IllegalArgumentException("Header " + name + " has a control or non-Latin-1 character at index " + i + "; remove it");
      }
    }
  }
}
