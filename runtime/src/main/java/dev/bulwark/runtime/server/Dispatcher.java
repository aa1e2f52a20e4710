package dev.bulwark.runtime.server;

import dev.bulwark.ratelimit.LimitSpec;
import dev.bulwark.ratelimit.concurrency.ConcurrencyLimiter;
import dev.bulwark.runtime.http.Exchange;
import dev.bulwark.runtime.http.HeaderPolicy;
import dev.bulwark.runtime.http.HttpCall;
import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.http.Problems;
import dev.bulwark.runtime.http.RequestIds;
import dev.bulwark.runtime.limits.RateLimits;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.RouteMatch;
import dev.bulwark.runtime.routing.Router;
import dev.bulwark.runtime.transport.Cors;
import dev.bulwark.runtime.transport.Framing;
import dev.bulwark.runtime.transport.RequestFirewall;
import dev.bulwark.runtime.transport.WireRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline every server runs, in this order: framing (ambiguous {@code Content-Length} or
 * {@code Transfer-Encoding}: 400 and the connection closed), header limits (431), the path firewall (400), a CORS
 * preflight answered here (so no handler runs for it), the bound on requests in progress (503), the per-client
 * ceiling (429), routing (404, 405 with {@code Allow}; TRACE and CONNECT
 * refused, override headers never read), then the generated handler. Every response, errors included, carries the
 * request id, the route's header policy (HSTS on TLS) and, when CORS is on, the CORS headers. Whatever fails becomes a
 * problem response; an exception that is not a {@link HttpProblem} is a 500 whose detail goes only to the log, under
 * the request id.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger("bulwark.http");

  /** By name: the auth module, where it is declared, is optional for the runtime. */
  private static final String TOKEN_STORE_UNAVAILABLE = "dev.bulwark.auth.token.store.TokenStoreUnavailableException";

  private final Router router;
  private final ServerSettings settings;
  private final boolean tls;
  private final Cors cors;
  private final Map<Route, HeaderPolicy> routePolicies;
  private final ConcurrencyLimiter inFlight;
  private final RateLimits ceilingLimits;
  private final LimitSpec ceiling;

  /** A pipeline for the routes; a {@code headersFor} name that matches no route stops the server here. */
  public Dispatcher(Router router, ServerSettings settings) {
    this.router = router;
    this.settings = settings;
    this.tls = settings.tls() != null;
    this.cors = settings.cors() == null ? null : new Cors(settings.cors());
    this.routePolicies = RoutePolicies.resolve(router.routes(), settings.routeHeaders());
    this.inFlight = new ConcurrencyLimiter(settings.maxConcurrentRequests(), Duration.ofSeconds(1));
    this.ceiling = settings.clientCeiling();
    this.ceilingLimits = ceiling == null ? null : settings.limits() != null ? settings.limits() : RateLimits.local();
  }

  /** Runs one request to completion; never throws. */
  public void dispatch(Exchange exchange) {
    String requestId = RequestIds.next();
    HeaderPolicy policy = settings.headers();
    boolean preflight = false;
    ConcurrencyLimiter.Permit permit = null;
    try {
      if (exchange instanceof WireRequest wire) {
        Framing.check(wire);
      }
      if (exchange.headerBytes() > settings.maxHeaderBytes() || exchange.headerCount() > settings.maxHeaderCount()) {
        throw HttpProblem.of(431, "header block over the limit");
      }
      permit = inFlight.tryAcquire().orElse(null);
      if (permit == null) {
        throw HttpProblem.of(503, "over " + inFlight.maxConcurrent() + " requests in progress")
            .withHeader("Retry-After", Long.toString(inFlight.retryAfterSeconds()));
      }
      if (ceiling != null) {
        ceilingLimits.consumeCeiling(exchange, requestId, ceiling);
      }
      RequestFirewall.check(exchange.rawPath(), exchange.rawQuery());
      if (cors != null && Cors.isPreflight(exchange)) {
        preflight = true;
        prepare(exchange, requestId, policy, false);
        cors.answerPreflight(exchange);
        return;
      }
      String method = exchange.method();
      RouteMatch match = router.match(method, exchange.rawPath());
      if (match.route() == null) {
        if (match.allow() != null) {
          throw HttpProblem.of(405, method + " not allowed").withHeader("Allow", match.allow());
        }
        throw HttpProblem.of(404, "no route");
      }
      policy = routePolicies.getOrDefault(match.route(), policy);
      prepare(exchange, requestId, policy, true);
      match.route().handler().handle(new HttpCall(exchange, requestId, settings, match));
      if (!exchange.sent()) {
        throw new IllegalStateException("handler " + match.route().name() + " sent no response");
      }
    } catch (HttpProblem problem) {
      LOG.debug("[{}] {} {}", requestId, problem.status(), problem.logDetail());
      sendProblem(exchange, requestId, problem, policy, !preflight);
    } catch (Throwable failure) {
      if (failure.getClass().getName().equals(TOKEN_STORE_UNAVAILABLE)) {
        // The token store (Redis, the database) did not answer: a temporary outage, not a bug in the request.
        LOG.warn("[{}] token store unavailable in {} {}: {}", requestId, exchange.method(), safePath(exchange),
            failure.getMessage());
        sendProblem(exchange, requestId, HttpProblem.of(503, "token store unavailable").withHeader("Retry-After", "5"),
            policy, !preflight);
        return;
      }
      LOG.error("[{}] unhandled failure in {} {}", requestId, exchange.method(), safePath(exchange), failure);
      sendProblem(exchange, requestId, HttpProblem.of(500, "unhandled"), policy, !preflight);
    } finally {
      if (permit != null) {
        permit.close();
      }
    }
  }

  /** Sends a problem for a request that failed before or outside the pipeline (a server-level error). */
  public void sendProblem(Exchange exchange, String requestId, HttpProblem problem) {
    sendProblem(exchange, requestId, problem, settings.headers(), true);
  }

  private void sendProblem(Exchange exchange, String requestId, HttpProblem problem, HeaderPolicy policy,
      boolean corsHeaders) {
    if (exchange.sent()) {
      return;
    }
    try {
      prepare(exchange, requestId, policy, corsHeaders);
      problem.headers().forEach(exchange::setHeader);
      exchange.send(problem.status(), Problems.CONTENT_TYPE, Problems.body(problem.status(), requestId, problem.errors()));
    } catch (IOException | RuntimeException e) {
      LOG.debug("[{}] could not send the problem response", requestId, e);
    }
  }

  private void prepare(Exchange exchange, String requestId, HeaderPolicy policy, boolean corsHeaders) {
    exchange.setHeader(RequestIds.HEADER, requestId);
    policy.applyTo(exchange, tls);
    if (cors != null && corsHeaders) {
      cors.applyToResponse(exchange);
    }
  }

  private static String safePath(Exchange exchange) {
    String path = exchange.rawPath();
    if (path == null) {
      return "";
    }
    return (path.length() > 200 ? path.substring(0, 200) : path).replaceAll("[^\\x21-\\x7e]", "_");
  }

  /** Resolves {@code headersFor} names to routes once, at start. */
  static final class RoutePolicies {
    private RoutePolicies() {}

    static Map<Route, HeaderPolicy> resolve(Iterable<Route> routes, Map<String, HeaderPolicy> byName) {
      Map<Route, HeaderPolicy> resolved = new IdentityHashMap<>();
      if (byName.isEmpty()) {
        return resolved;
      }
      Set<String> used = new HashSet<>();
      for (Route route : routes) {
        String name = route.name();
        int dot = name.lastIndexOf('.');
        String api = dot < 0 ? name : name.substring(0, dot);
        if (byName.containsKey(name)) {
          used.add(name);
        }
        if (byName.containsKey(api)) {
          used.add(api);
        }
        HeaderPolicy policy = byName.containsKey(name) ? byName.get(name) : byName.get(api);
        if (policy != null) {
          resolved.put(route, policy);
        }
      }
      for (String name : byName.keySet()) {
        if (!used.contains(name)) {
          throw new IllegalStateException("headersFor(\"" + name + "\", ...) matches no API and no route; use an API "
              + "interface's simple name (PostsApi) or a route name (PostsApi.page)");
        }
      }
      return resolved;
    }
  }
}
