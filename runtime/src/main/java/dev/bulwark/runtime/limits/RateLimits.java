package dev.bulwark.runtime.limits;

import dev.bulwark.auth.Principal;
import dev.bulwark.auth.audit.AuditEvent;
import dev.bulwark.auth.audit.AuditEventType;
import dev.bulwark.auth.audit.AuditLog;
import dev.bulwark.auth.audit.AuditOutcome;
import dev.bulwark.ratelimit.Decision;
import dev.bulwark.ratelimit.FailureCounter;
import dev.bulwark.ratelimit.LimitSpec;
import dev.bulwark.ratelimit.LocalRateLimiter;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.ratelimit.clientip.ClientIpResolver;
import dev.bulwark.ratelimit.headers.HeaderField;
import dev.bulwark.ratelimit.headers.RateLimitHeaders;
import dev.bulwark.runtime.http.Exchange;
import dev.bulwark.runtime.http.HttpCall;
import dev.bulwark.runtime.http.HttpProblem;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The rate limits of generated handlers and of the server's per-client ceiling, over the {@code ratelimit} module: a
 * refused request is a 429 problem with {@code Retry-After} (a 503 when the store is down and the limit fails
 * closed), and every limited response carries the RateLimit headers. Keys are built here, from the caller, the client
 * address (forwarded headers are read only behind configured trusted proxies) or the account named in the body.
 * Refusals and store outages are audited.
 */
public final class RateLimits implements AutoCloseable {
  /** The claim that names a caller's tier unless {@link Builder#tierClaim} says otherwise. */
  public static final String DEFAULT_TIER_CLAIM = "plan";
  private static final java.util.Set<String> LISTS = java.util.Set.of("RateLimit", "RateLimit-Policy");

  private final RateLimiter limiter;
  private final ClientIpResolver clientIps;
  private final RateLimitHeaders headers;
  private final String tierClaim;
  private final Recorder audit;

  private RateLimits(Builder b) {
    this.limiter = b.limiter;
    this.clientIps = b.clientIps;
    this.headers = b.headers;
    this.tierClaim = b.tierClaim;
    this.audit = b.recorder;
  }

  /** In-memory buckets (bounded), no trusted proxy, the standard headers: what routes use unless told otherwise. */
  public static RateLimits local() {
    return builder().build();
  }

  /** Limits on the given store and client-address rules. */
  public static RateLimits of(RateLimiter limiter, ClientIpResolver clientIps) {
    return builder().store(limiter).clientIps(clientIps).build();
  }

  /** A builder: the local store, no trusted proxy, the standard headers, the {@code plan} claim, the SLF4J audit log. */
  public static Builder builder() {
    return new Builder();
  }

  /** The store the buckets live in. */
  public RateLimiter store() {
    return limiter;
  }

  /** Takes one token of the limit for the client address; a 429 (or 503) problem when there is none. */
  public void consumeClient(HttpCall call, LimitSpec spec) {
    consume(call, spec, clientKey(call));
  }

  /** Takes one token of the endpoint-wide limit. */
  public void consumeGlobal(HttpCall call, LimitSpec spec) {
    consume(call, spec, "all");
  }

  /** Takes one token of the limit for a key the generated code built (the caller's, or its API key's). */
  public void consume(HttpCall call, LimitSpec spec, String key) {
    answer(call.exchange(), call.requestId(), spec, key, limiter.tryConsume(spec, key), true);
  }

  /**
   * The server-wide ceiling per client address, before routing: a 429 problem past it. Only a refusal carries the
   * ceiling's RateLimit headers, so a route's own limits are the ones a client sees on its answers.
   */
  public void consumeCeiling(Exchange exchange, String requestId, LimitSpec spec) {
    String key = clientKey(exchange);
    answer(exchange, requestId, spec, key, limiter.tryConsume(spec, key), false);
  }

  /**
   * Starts a credential attempt under failure-only limits: a 429 when any key is already blocked; otherwise the
   * attempts, which the handler finishes with whether the call succeeded (only failures use up the buckets).
   */
  public Attempts begin(HttpCall call, LimitSpec[] specs, String[] keys) {
    FailureCounter.Attempt[] attempts = new FailureCounter.Attempt[specs.length];
    for (int i = 0; i < specs.length; i++) {
      FailureCounter.Attempt attempt = new FailureCounter(limiter, specs[i]).begin(keys[i]);
      if (!attempt.decision().allowed()) {
        attempt.succeeded();
        for (int j = 0; j < i; j++) {
          attempts[j].succeeded();
        }
        answer(call.exchange(), call.requestId(), specs[i], keys[i], attempt.decision(), true);
      }
      attempts[i] = attempt;
      answer(call.exchange(), call.requestId(), specs[i], keys[i], attempt.decision(), true);
    }
    return new Attempts(attempts);
  }

  /**
   * The caller's tier: the tier claim's value when it is a string, else the empty string, which selects an
   * endpoint's default limits (as does any value no limit names). An API key's caller has no claims: the default.
   */
  public String tier(Principal caller) {
    return caller.claims().get(tierClaim) instanceof String s ? s : "";
  }

  /** The key of the client address for failure-only limits. */
  public String clientKey(HttpCall call) {
    return clientKey(call.exchange());
  }

  /** The key of an account named in a request: trimmed and lower-cased, so case variants share one bucket. */
  public static String accountKey(String account) {
    return "acct:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
  }

  /** Closes the store (a Redis connection). */
  @Override
  public void close() {
    limiter.close();
  }

  private String clientKey(Exchange exchange) {
    InetSocketAddress peer = exchange.remoteAddress();
    // The literal address, never a host name: the JDK keeps the name a client connected with (localhost over TLS).
    String host = peer == null ? "0.0.0.0"
        : peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
    // Forwarding headers are copied out only when a trusted proxy could have written them.
    boolean forwarded = clientIps.hasTrustedProxies();
    InetAddress address = clientIps.resolve(host, forwarded ? exchange.headers("X-Forwarded-For") : List.of(),
        forwarded ? exchange.headers("Forwarded") : List.of());
    return "ip:" + clientIps.clientKey(address);
  }

  private void answer(Exchange exchange, String requestId, LimitSpec spec, String key, Decision decision,
      boolean headersWhenAllowed) {
    if (decision.allowed()) {
      if (decision.storeUnavailable()) {
        audit.record(false, true, requestId, spec.name());
        return;
      }
      if (headersWhenAllowed) {
        for (HeaderField field : headers.headers(spec, decision)) {
          String earlier = LISTS.contains(field.name()) ? exchange.responseHeader(field.name()) : null;
          // Burst and sustained limits (or a route's and a named one) each list themselves: the IETF headers are
          // structured-field lists, so a client sees every limit it is under, not just the last one checked.
          exchange.setHeader(field.name(), earlier == null ? field.value() : earlier + ", " + field.value());
        }
      }
      return;
    }
    boolean unavailable = decision.storeUnavailable();
    audit.record(true, unavailable, requestId, spec.name());
    HttpProblem problem = HttpProblem.of(unavailable ? 503 : 429, "limit " + spec.name());
    if (!unavailable) {
      for (HeaderField field : headers.headers(spec, decision)) {
        problem = problem.withHeader(field.name(), field.value());
      }
    }
    throw problem.withHeader("Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
  }

  /** The failure-only attempts of one request. */
  public static final class Attempts {
    private final FailureCounter.Attempt[] attempts;

    Attempts(FailureCounter.Attempt[] attempts) {
      this.attempts = attempts;
    }

    /** Ends the attempts: a success gives the reserved tokens back, a failure keeps them spent. */
    public void finish(boolean succeeded) {
      for (FailureCounter.Attempt attempt : attempts) {
        if (succeeded) {
          attempt.succeeded();
        } else {
          attempt.failed();
        }
      }
    }
  }

  /** Configures {@link RateLimits}. */
  public static final class Builder {
    private RateLimiter limiter;
    private ClientIpResolver clientIps;
    private RateLimitHeaders headers = RateLimitHeaders.standard();
    private String tierClaim = DEFAULT_TIER_CLAIM;
    private AuditLog audit;
    private Recorder recorder;

    private Builder() {}

    /** The store: {@code LocalRateLimiter} (the default, 100,000 keys) or a {@code RedisRateLimiter}. */
    public Builder store(RateLimiter limiter) {
      this.limiter = Objects.requireNonNull(limiter, "store");
      return this;
    }

    /** How the client address is found: the socket peer, or the forwarded client behind trusted proxies. */
    public Builder clientIps(ClientIpResolver resolver) {
      this.clientIps = Objects.requireNonNull(resolver, "clientIps");
      return this;
    }

    /** Which RateLimit headers responses carry. */
    public Builder headers(RateLimitHeaders headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /** The principal's claim that names its tier ({@code plan} by default). */
    public Builder tierClaim(String claim) {
      if (claim == null || !claim.matches("[A-Za-z_][A-Za-z0-9_.:-]{0,63}")) {
        throw new IllegalArgumentException("tierClaim must be a claim name such as \"plan\" (was " + claim + ")");
      }
      this.tierClaim = claim;
      return this;
    }

    /** Where refusals and store outages are audited ({@code AuditLog.slf4j()} by default). */
    public Builder audit(AuditLog audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /** The limits. */
    public RateLimits build() {
      if (limiter == null) {
        limiter = LocalRateLimiter.builder().maximumKeys(100_000).build();
      }
      if (clientIps == null) {
        clientIps = ClientIpResolver.builder().build();
      }
      recorder = audit != null ? new AuditRecorder(audit)
          : AUTH_PRESENT ? AuditRecorder.slf4j() : new LogRecorder();
      return new RateLimits(this);
    }
  }

  /** Whether the auth module is on the classpath: the runtime does not require it, and the ceiling works without it. */
  private static final boolean AUTH_PRESENT = present("dev.bulwark.auth.audit.AuditLog");

  private static boolean present(String className) {
    try {
      Class.forName(className, false, RateLimits.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Where refusals and store outages are recorded. */
  private interface Recorder {
    void record(boolean refused, boolean storeUnavailable, String requestId, String limit);
  }

  /** The auth module's audit log: {@code RATE_LIMITED} and {@code RATE_LIMIT_STORE_UNAVAILABLE} events. */
  private static final class AuditRecorder implements Recorder {
    private final AuditLog log;

    AuditRecorder(AuditLog log) {
      this.log = log;
    }

    static AuditRecorder slf4j() {
      return new AuditRecorder(AuditLog.slf4j());
    }

    @Override
    public void record(boolean refused, boolean storeUnavailable, String requestId, String limit) {
      AuditEventType type = storeUnavailable ? AuditEventType.RATE_LIMIT_STORE_UNAVAILABLE : AuditEventType.RATE_LIMITED;
      log.record(AuditEvent.of(type, refused ? AuditOutcome.DENIED : AuditOutcome.SUCCESS).requestId(requestId)
          .target(limit).detail("policy", !storeUnavailable ? "limit" : refused ? "fail-closed" : "fail-open").build());
    }
  }

  /** Without the auth module: one line on the {@code bulwark.audit} logger. */
  private static final class LogRecorder implements Recorder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("bulwark.audit");

    @Override
    public void record(boolean refused, boolean storeUnavailable, String requestId, String limit) {
      LOG.info("event={} outcome={} requestId={} target={}",
          storeUnavailable ? "RATE_LIMIT_STORE_UNAVAILABLE" : "RATE_LIMITED", refused ? "DENIED" : "SUCCESS",
          requestId, limit);
    }
  }
}
