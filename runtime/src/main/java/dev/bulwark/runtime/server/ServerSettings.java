package dev.bulwark.runtime.server;

import dev.bulwark.ratelimit.LimitSpec;
import dev.bulwark.runtime.http.HeaderPolicy;
import dev.bulwark.runtime.http.HttpCall;
import dev.bulwark.runtime.limits.RateLimits;
import dev.bulwark.runtime.transport.CorsPolicy;
import dev.bulwark.runtime.transport.PlainHttp;
import dev.bulwark.runtime.transport.TlsSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a server listens and what it accepts. The defaults are safe for an API: loopback only, a 1 MiB body, 8 KiB of
 * headers, request and response timeouts, no CORS, plain HTTP until {@link #tls} is set. Every setter checks its value,
 * so a bad setting stops the server before it starts, with a message that says what to change. The same settings
 * mean the same thing on both servers; docs/transport.md is the reference.
 */
public final class ServerSettings implements HttpCall.Limits {
  private String host = "127.0.0.1";
  private int port = 8080;
  private long maxBodyBytes = 1 << 20;
  private int maxHeaderBytes = 8 * 1024;
  private int maxHeaderCount = 100;
  private int maxQueryParameters = 100;
  private Duration requestTimeout = Duration.ofSeconds(10);
  private Duration responseTimeout = Duration.ofSeconds(30);
  private Duration idleTimeout = Duration.ofSeconds(30);
  private int maxIdleConnections = 1000;
  private int threads = Math.max(16, Runtime.getRuntime().availableProcessors() * 8);
  private Duration shutdownGrace = Duration.ofSeconds(2);
  private HeaderPolicy headers = HeaderPolicy.defaults();
  private final Map<String, HeaderPolicy> routeHeaders = new LinkedHashMap<>();
  private TlsSettings tls;
  private PlainHttp plainHttp;
  private CorsPolicy cors;
  private RateLimits limits;
  private LimitSpec clientCeiling = DEFAULT_CLIENT_CEILING;
  private int maxConcurrentRequests = 1024;

  /**
   * The per-client ceiling every server applies before routing unless told otherwise: 1,000 requests a minute from
   * one client address (an IPv6 client by its /56), whatever the route, authenticated or not.
   */
  public static final LimitSpec DEFAULT_CLIENT_CEILING =
      LimitSpec.of("server.client", 1000, "1m");

  /** The defaults. */
  public static ServerSettings defaults() {
    return new ServerSettings();
  }

  /** The address to bind; 127.0.0.1 unless set. */
  public ServerSettings host(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must be an address such as 127.0.0.1");
    }
    this.host = host;
    return this;
  }

  /** The port; 0 picks a free one (for tests). */
  public ServerSettings port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535 (was " + port + ")");
    }
    this.port = port;
    return this;
  }

  /** The largest request body accepted (413 past it). */
  public ServerSettings maxBodyBytes(long bytes) {
    if (bytes < 1 || bytes > 64L << 20) {
      throw new IllegalArgumentException("maxBodyBytes must be between 1 and 64 MiB (was " + bytes + ")");
    }
    this.maxBodyBytes = bytes;
    return this;
  }

  /** The largest header block accepted (431 past it). */
  public ServerSettings maxHeaderBytes(int bytes) {
    if (bytes < 1024 || bytes > 64 * 1024) {
      throw new IllegalArgumentException("maxHeaderBytes must be between 1 KiB and 64 KiB (was " + bytes + ")");
    }
    this.maxHeaderBytes = bytes;
    return this;
  }

  /** The most header lines accepted (431 past it). */
  public ServerSettings maxHeaderCount(int count) {
    if (count < 8 || count > 1000) {
      throw new IllegalArgumentException("maxHeaderCount must be between 8 and 1000 (was " + count + ")");
    }
    this.maxHeaderCount = count;
    return this;
  }

  /** The most query parameters accepted (400 past it). */
  public ServerSettings maxQueryParameters(int count) {
    if (count < 1 || count > 10_000) {
      throw new IllegalArgumentException("maxQueryParameters must be between 1 and 10000 (was " + count + ")");
    }
    this.maxQueryParameters = count;
    return this;
  }

  /** How long a client may take to send its request. */
  public ServerSettings requestTimeout(Duration timeout) {
    this.requestTimeout = positive("requestTimeout", timeout);
    return this;
  }

  /** How long the server may take to send its response. */
  public ServerSettings responseTimeout(Duration timeout) {
    this.responseTimeout = positive("responseTimeout", timeout);
    return this;
  }

  /** How long an idle keep-alive connection is kept. */
  public ServerSettings idleTimeout(Duration timeout) {
    this.idleTimeout = positive("idleTimeout", timeout);
    return this;
  }

  /** How many idle keep-alive connections are kept. */
  public ServerSettings maxIdleConnections(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("maxIdleConnections must be at least 1 (was " + count + ")");
    }
    this.maxIdleConnections = count;
    return this;
  }

  /** How many requests are handled at once. */
  public ServerSettings threads(int threads) {
    if (threads < 1 || threads > 10_000) {
      throw new IllegalArgumentException("threads must be between 1 and 10000 (was " + threads + ")");
    }
    this.threads = threads;
    return this;
  }

  /** How long stop() waits for requests in flight. */
  public ServerSettings shutdownGrace(Duration grace) {
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must be zero or more");
    }
    this.shutdownGrace = grace;
    return this;
  }

  /** The security headers written on every response. */
  public ServerSettings headers(HeaderPolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("headers must not be null; use HeaderPolicy.defaults()");
    }
    this.headers = policy;
    return this;
  }

  /**
   * Gives one API ({@code "PostsApi"}) or one endpoint ({@code "PostsApi.page"}) its own header policy, usually derived
   * from the defaults so that only what differs changes. An endpoint's policy wins over its API's; a name that matches
   * no route stops the server at start.
   */
  public ServerSettings headersFor(String apiOrRoute, HeaderPolicy policy) {
    if (apiOrRoute == null || apiOrRoute.isBlank()) {
      throw new IllegalArgumentException("headersFor needs an API name (PostsApi) or a route name (PostsApi.page)");
    }
    if (policy == null) {
      throw new IllegalArgumentException("headersFor(" + apiOrRoute + ") needs a policy; derive one from HeaderPolicy.defaults()");
    }
    routeHeaders.put(apiOrRoute, policy);
    return this;
  }

  /** Serves HTTPS only, from a PKCS#12 keystore; the keystore is opened at start. */
  public ServerSettings tls(TlsSettings tls) {
    if (tls == null) {
      throw new IllegalArgumentException("tls must not be null; leave it unset for plain HTTP");
    }
    this.tls = tls;
    return this;
  }

  /** Adds a plain-HTTP listener that only redirects to HTTPS or refuses; needs {@link #tls}. */
  public ServerSettings plainHttp(PlainHttp listener) {
    if (listener == null) {
      throw new IllegalArgumentException("plainHttp must not be null; leave it unset for no plain listener");
    }
    this.plainHttp = listener;
    return this;
  }

  /** Answers CORS from the policy's allowlist; off (no CORS header at all) unless set. */
  public ServerSettings cors(CorsPolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("cors must not be null; leave it unset to turn CORS off");
    }
    this.cors = policy;
    return this;
  }

  /**
   * The store and client-address rules of the per-client ceiling; pass the same {@code RateLimits} the routes use
   * (Redis-backed, with the trusted proxies) so the ceiling holds across instances. In memory unless set.
   */
  public ServerSettings limits(RateLimits limits) {
    if (limits == null) {
      throw new IllegalArgumentException("limits must not be null; leave it unset for in-memory limits");
    }
    this.limits = limits;
    return this;
  }

  /**
   * The ceiling per client address applied to every request before routing and authentication, so a flood of
   * unknown paths or bad tokens is throttled as well: {@code capacity} requests per {@code period} ({@code 30s},
   * {@code 1m}, ...). On by default ({@link #DEFAULT_CLIENT_CEILING}).
   */
  public ServerSettings clientCeiling(long capacity, String period) {
    this.clientCeiling = LimitSpec.of("server.client", capacity, period);
    return this;
  }

  /** Turns the per-client ceiling off (a proxy in front enforces one, say). */
  public ServerSettings noClientCeiling() {
    this.clientCeiling = null;
    return this;
  }

  /**
   * Requests in progress at once on this server, at least 1; past it a request gets 503 with {@code Retry-After: 1}
   * at once instead of queueing behind a slow dependency. 1,024 by default.
   */
  public ServerSettings maxConcurrentRequests(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("maxConcurrentRequests must be at least 1 (was " + count + ")");
    }
    this.maxConcurrentRequests = count;
    return this;
  }

  /** Checks the settings as a whole; the server calls it at start. */
  public ServerSettings validate() {
    if (plainHttp != null && tls == null) {
      throw new IllegalStateException("plainHttp(...) only redirects to or refuses in favour of HTTPS; set tls(...) too, "
          + "or drop plainHttp(...) to serve plain HTTP on port()");
    }
    if (plainHttp != null && plainHttp.port() != 0 && plainHttp.port() == port) {
      throw new IllegalStateException("plainHttp port " + plainHttp.port() + " is the HTTPS port; choose another one");
    }
    if (cors != null) {
      cors.validate();
    }
    return this;
  }

  /** The ceiling's limits, or {@code null} for in-memory ones made by the server. */
  public RateLimits limits() {
    return limits;
  }

  /** The per-client ceiling, or {@code null} when it is off. */
  public LimitSpec clientCeiling() {
    return clientCeiling;
  }

  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  @Override
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  public int maxHeaderCount() {
    return maxHeaderCount;
  }

  @Override
  public int maxQueryParameters() {
    return maxQueryParameters;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public Duration responseTimeout() {
    return responseTimeout;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  public int maxIdleConnections() {
    return maxIdleConnections;
  }

  public int threads() {
    return threads;
  }

  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  public HeaderPolicy headers() {
    return headers;
  }

  /** The per-API and per-route header policies, by name. */
  public Map<String, HeaderPolicy> routeHeaders() {
    return Map.copyOf(routeHeaders);
  }

  /** The TLS settings, or {@code null} for plain HTTP. */
  public TlsSettings tls() {
    return tls;
  }

  /** The plain-HTTP listener, or {@code null}. */
  public PlainHttp plainHttp() {
    return plainHttp;
  }

  /** The CORS policy, or {@code null} when CORS is off. */
  public CorsPolicy cors() {
    return cors;
  }

  private static Duration positive(String name, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be a positive duration (was " + d + ")");
    }
    return d;
  }
}
