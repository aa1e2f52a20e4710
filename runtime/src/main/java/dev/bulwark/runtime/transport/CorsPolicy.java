package dev.bulwark.runtime.transport;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which other origins a browser may let call the API (CORS). Off unless set: without a policy no CORS header is ever
 * sent. Origins are exact ({@code https://app.example.com}, scheme, host and port; no path, no pattern); {@code *} is
 * allowed only without credentials, and a policy that has both is refused when the server starts.
 *
 * <pre>{@code
 * ServerSettings.defaults().cors(CorsPolicy.allowOrigins("https://app.example.com")
 *     .allowMethods("GET", "POST", "DELETE").allowHeaders("Content-Type", "Authorization")
 *     .allowCredentials(true).maxAge(Duration.ofMinutes(10)));
 * }</pre>
 */
public final class CorsPolicy {
  /** The longest preflight cache accepted: browsers cap it at two hours (Chromium) or a day (Firefox). */
  public static final Duration MAX_AGE_LIMIT = Duration.ofHours(2);

  private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?|https?://\\[[0-9a-f:.]+\\](:[0-9]{1,5})?");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final List<String> origins;
  private final List<String> methods;
  private final List<String> headers;
  private final List<String> exposed;
  private final boolean credentials;
  private final Duration maxAge;

  private CorsPolicy(List<String> origins, List<String> methods, List<String> headers, List<String> exposed,
      boolean credentials, Duration maxAge) {
    this.origins = origins;
    this.methods = methods;
    this.headers = headers;
    this.exposed = exposed;
    this.credentials = credentials;
    this.maxAge = maxAge;
  }

  /**
   * A policy for these exact origins, with GET, HEAD and POST, the {@code Content-Type} and {@code Authorization}
   * request headers, no credentials and a ten-minute preflight cache.
   */
  public static CorsPolicy allowOrigins(String... origins) {
    if (origins == null || origins.length == 0) {
      throw new IllegalArgumentException("CORS needs at least one origin, such as https://app.example.com");
    }
    Set<String> checked = new LinkedHashSet<>();
    for (String origin : origins) {
      checked.add(checkOrigin(origin));
    }
    if (checked.contains("*") && checked.size() > 1) {
      throw new IllegalArgumentException("CORS origin * cannot be combined with other origins; list the origins, or use * alone");
    }
    return new CorsPolicy(List.copyOf(checked), List.of("GET", "HEAD", "POST"), List.of("Content-Type", "Authorization"),
        List.of(), false, Duration.ofMinutes(10));
  }

  /** The methods a cross-origin request may use (exact, case-sensitive, as HTTP methods are). */
  public CorsPolicy allowMethods(String... methods) {
    return new CorsPolicy(origins, tokens("method", methods, false), headers, exposed, credentials, maxAge);
  }

  /** The request headers a cross-origin request may send (case-insensitive). */
  public CorsPolicy allowHeaders(String... headers) {
    return new CorsPolicy(origins, methods, tokens("header", headers, true), exposed, credentials, maxAge);
  }

  /** The response headers a cross-origin caller may read beyond the CORS-safelisted ones. */
  public CorsPolicy exposeHeaders(String... headers) {
    return new CorsPolicy(origins, methods, this.headers, tokens("header", headers, true), credentials, maxAge);
  }

  /** Whether the browser may send cookies or HTTP authentication with the request. */
  public CorsPolicy allowCredentials(boolean allow) {
    return new CorsPolicy(origins, methods, headers, exposed, allow, maxAge);
  }

  /** How long a browser may cache a preflight answer; at most {@link #MAX_AGE_LIMIT}. */
  public CorsPolicy maxAge(Duration age) {
    if (age == null || age.isNegative() || age.compareTo(MAX_AGE_LIMIT) > 0) {
      throw new IllegalArgumentException("CORS maxAge must be between 0 and " + MAX_AGE_LIMIT.toMinutes()
          + " minutes (was " + age + ")");
    }
    return new CorsPolicy(origins, methods, headers, exposed, credentials, age);
  }

  /**
   * Checks the policy as a whole; the server calls it at start. A wildcard origin with credentials would let any
   * site make authenticated calls, so it is refused.
   */
  public CorsPolicy validate() {
    if (credentials && origins.contains("*")) {
      throw new IllegalStateException("CORS origin * together with allowCredentials(true) would let every site make "
          + "authenticated calls; list the exact origins, or turn credentials off");
    }
    return this;
  }

  public List<String> origins() {
    return origins;
  }

  public List<String> methods() {
    return methods;
  }

  public List<String> headers() {
    return headers;
  }

  public List<String> exposedHeaders() {
    return exposed;
  }

  public boolean credentials() {
    return credentials;
  }

  public Duration maxAge() {
    return maxAge;
  }

  /** Whether a request's {@code Origin} value is on the list (exact match; {@code *} matches every origin). */
  public boolean allows(String origin) {
    return origin != null && (origins.contains("*") ? !origin.equals("null") : origins.contains(origin));
  }

  private static String checkOrigin(String origin) {
    if (origin == null) {
      throw new IllegalArgumentException("A CORS origin must not be null");
    }
    if (origin.equals("*")) {
      return origin;
    }
    String lower = origin.toLowerCase(Locale.ROOT);
    if (!ORIGIN.matcher(lower).matches()) {
      throw new IllegalArgumentException("CORS origin '" + sanitize(origin) + "' is not an exact origin; write scheme, host "
          + "and optional port, such as https://app.example.com or http://localhost:3000, with no path, slash or pattern");
    }
    return lower;
  }

  private static List<String> tokens(String what, String[] values, boolean caseInsensitive) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("CORS needs at least one allowed " + what);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String value : values) {
      if (value == null || !TOKEN.matcher(value).matches() || value.equals("*")) {
        throw new IllegalArgumentException("CORS " + what + " '" + sanitize(String.valueOf(value))
            + "' is not a valid " + what + " name; list each one by name (no *)");
      }
      out.add(caseInsensitive ? value.toLowerCase(Locale.ROOT) : value);
    }
    return List.copyOf(out);
  }

  private static String sanitize(String text) {
    return text.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
