package dev.bulwark.runtime.transport;

import dev.bulwark.runtime.http.Exchange;
import dev.bulwark.runtime.http.HttpProblem;
import java.io.IOException;
import java.util.Locale;

/**
 * Applies a {@link CorsPolicy} to requests: answers preflights itself, before routing, so no handler (and so no
 * authentication, no implementation) ever runs for one, and adds the CORS response headers to every other response.
 * An origin that is not on the list never gets {@code Access-Control-Allow-Origin}; every response says
 * {@code Vary: Origin}, since what it carries depends on the origin.
 */
public final class Cors {
  private static final byte[] EMPTY = new byte[0];

  private final CorsPolicy policy;
  private final String allowMethods;
  private final String allowHeaders;
  private final String exposeHeaders;
  private final String maxAge;

  /** For a policy that has passed {@link CorsPolicy#validate()}. */
  public Cors(CorsPolicy policy) {
    this.policy = policy.validate();
    this.allowMethods = String.join(", ", policy.methods());
    this.allowHeaders = String.join(", ", policy.headers());
    this.exposeHeaders = String.join(", ", policy.exposedHeaders());
    this.maxAge = Long.toString(policy.maxAge().toSeconds());
  }

  /** Whether the request is a CORS preflight: OPTIONS with {@code Origin} and {@code Access-Control-Request-Method}. */
  public static boolean isPreflight(Exchange exchange) {
    return "OPTIONS".equals(exchange.method()) && exchange.header("Origin") != null
        && exchange.header("Access-Control-Request-Method") != null;
  }

  /**
   * Answers a preflight: 204 with the allowed methods and headers when the origin, the method and every requested
   * header are allowed, otherwise a 403 problem without any {@code Access-Control-Allow-*} header.
   */
  public void answerPreflight(Exchange exchange) throws IOException {
    exchange.setHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    String origin = exchange.header("Origin");
    if (!policy.allows(origin)) {
      throw HttpProblem.of(403, "CORS preflight from an origin that is not allowed");
    }
    String method = exchange.header("Access-Control-Request-Method").trim();
    if (!policy.methods().contains(method)) {
      throw HttpProblem.of(403, "CORS preflight for a method that is not allowed");
    }
    String requested = exchange.header("Access-Control-Request-Headers");
    if (requested != null) {
      for (String header : requested.split(",")) {
        String name = header.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !policy.headers().contains(name)) {
          throw HttpProblem.of(403, "CORS preflight for a request header that is not allowed");
        }
      }
    }
    allowOrigin(exchange, origin);
    exchange.setHeader("Access-Control-Allow-Methods", allowMethods);
    exchange.setHeader("Access-Control-Allow-Headers", allowHeaders);
    exchange.setHeader("Access-Control-Max-Age", maxAge);
    exchange.send(204, null, EMPTY);
  }

  /** Adds the CORS headers of an actual (not preflight) response, errors included. */
  public void applyToResponse(Exchange exchange) {
    exchange.setHeader("Vary", "Origin");
    String origin = exchange.header("Origin");
    if (policy.allows(origin)) {
      allowOrigin(exchange, origin);
      if (!exposeHeaders.isEmpty()) {
        exchange.setHeader("Access-Control-Expose-Headers", exposeHeaders);
      }
    }
  }

  private void allowOrigin(Exchange exchange, String origin) {
    boolean wildcard = policy.origins().contains("*");
    exchange.setHeader("Access-Control-Allow-Origin", wildcard ? "*" : origin);
    if (policy.credentials()) {
      exchange.setHeader("Access-Control-Allow-Credentials", "true");
    }
  }
}
