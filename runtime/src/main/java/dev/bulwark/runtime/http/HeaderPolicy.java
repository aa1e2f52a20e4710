package dev.bulwark.runtime.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers set on every response, errors included. The defaults suit a JSON API; each header can be
 * replaced or removed by name without turning the others off, and an API or a single route can be given its own
 * policy derived from the defaults (a CSP for an endpoint that serves HTML, say) through
 * {@code ServerSettings.headersFor}. {@code Strict-Transport-Security} is kept apart: it is sent only on TLS
 * responses, where browsers honour it. Values are checked once, here, so nothing configured can inject a CR or LF
 * into a response.
 *
 * <pre>{@code
 * HeaderPolicy page = HeaderPolicy.defaults().with("Content-Security-Policy", "default-src 'self'");
 * }</pre>
 */
public final class HeaderPolicy {
  /** The header that only TLS responses carry. */
  public static final String HSTS_HEADER = "Strict-Transport-Security";

  private final String[] names;
  private final String[] values;
  private final String hsts;

  private HeaderPolicy(Map<String, String> headers, String hsts) {
    this.names = headers.keySet().toArray(new String[0]);
    this.values = headers.values().toArray(new String[0]);
    this.hsts = hsts;
  }

  /**
   * nosniff, frame denial, a CSP that allows nothing, no referrer, no caching, no powerful browser features, resources
   * and windows kept to their own origin, and (on TLS only) HSTS for a year with subdomains.
   */
  public static HeaderPolicy defaults() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cache-Control", "no-store");
    h.put("Permissions-Policy", "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
        + "magnetometer=(), microphone=(), payment=(), usb=()");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    return new HeaderPolicy(h, "max-age=31536000; includeSubDomains");
  }

  /** A copy with the header set to the value (replacing the default of the same name). */
  public HeaderPolicy with(String name, String value) {
    checkToken(name);
    checkValue(name, value);
    if (name.equalsIgnoreCase(HSTS_HEADER)) {
      return hsts(value);
    }
    Map<String, String> copy = headers();
    copy.keySet().removeIf(n -> n.equalsIgnoreCase(name));
    copy.put(name, value);
    return new HeaderPolicy(copy, hsts);
  }

  /** A copy without the named header. */
  public HeaderPolicy without(String name) {
    if (name != null && name.equalsIgnoreCase(HSTS_HEADER)) {
      return new HeaderPolicy(headers(), null);
    }
    Map<String, String> copy = headers();
    copy.keySet().removeIf(n -> n.equalsIgnoreCase(name));
    return new HeaderPolicy(copy, hsts);
  }

  /** A copy whose TLS responses carry this {@code Strict-Transport-Security} value ({@code max-age} required). */
  public HeaderPolicy hsts(String value) {
    checkValue(HSTS_HEADER, value);
    if (!value.trim().toLowerCase(java.util.Locale.ROOT).startsWith("max-age=")) {
      throw new IllegalArgumentException(HSTS_HEADER + " must start with max-age=<seconds> (was '" + value + "')");
    }
    return new HeaderPolicy(headers(), value);
  }

  /** The {@code Strict-Transport-Security} value for TLS responses, or {@code null} when it is turned off. */
  public String hsts() {
    return hsts;
  }

  /** The headers, in the order they are written. */
  public Map<String, String> headers() {
    Map<String, String> copy = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      copy.put(names[i], values[i]);
    }
    return copy;
  }

  /** Writes every header of the policy to the response (HSTS not included: see {@link #applyTo(Exchange, boolean)}). */
  public void applyTo(Exchange exchange) {
    applyTo(exchange, false);
  }

  /** Writes every header of the policy to the response, and HSTS when the response goes over TLS. */
  public void applyTo(Exchange exchange, boolean tls) {
    for (int i = 0; i < names.length; i++) {
      exchange.setHeader(names[i], values[i]);
    }
    if (tls && hsts != null) {
      exchange.setHeader(HSTS_HEADER, hsts);
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
