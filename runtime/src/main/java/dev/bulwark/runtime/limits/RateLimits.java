package dev.bulwark.runtime.limits;

import dev.bulwark.ratelimit.Decision;
import dev.bulwark.ratelimit.FailureCounter;
import dev.bulwark.ratelimit.LimitSpec;
import dev.bulwark.ratelimit.LocalRateLimiter;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.ratelimit.clientip.ClientIpResolver;
import dev.bulwark.ratelimit.headers.HeaderField;
import dev.bulwark.ratelimit.headers.RateLimitHeaders;
import dev.bulwark.runtime.http.HttpCall;
import dev.bulwark.runtime.http.HttpProblem;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

/**
 * The rate limits of generated handlers, over the {@code ratelimit} module: a refused request is a 429 problem with
 * {@code Retry-After} (a 503 when the store is down and the limit fails closed), and every limited response carries
 * the RateLimit headers. Keys are built here, from the caller, the client address (forwarded headers are read only
 * behind configured trusted proxies) or the account named in the body.
 */
public final class RateLimits {
  private final RateLimiter limiter;
  private final ClientIpResolver clientIps;
  private final RateLimitHeaders headers;

  private RateLimits(RateLimiter limiter, ClientIpResolver clientIps, RateLimitHeaders headers) {
    this.limiter = limiter;
    this.clientIps = clientIps;
    this.headers = headers;
  }

  /** In-memory buckets (bounded), no trusted proxy, the standard headers: what routes use unless told otherwise. */
  public static RateLimits local() {
    return of(LocalRateLimiter.builder().maximumKeys(100_000).build(), ClientIpResolver.builder().build());
  }

  /** Limits on the given store and client-address rules. */
  public static RateLimits of(RateLimiter limiter, ClientIpResolver clientIps) {
    return new RateLimits(limiter, clientIps, RateLimitHeaders.standard());
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
    answer(call, spec, limiter.tryConsume(spec, key));
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
        answer(call, specs[i], attempt.decision());
      }
      attempts[i] = attempt;
      writeHeaders(call, specs[i], attempt.decision());
    }
    return new Attempts(attempts);
  }

  /** The key of the client address for failure-only limits. */
  public String clientKey(HttpCall call) {
    return "ip:" + clientAddress(call);
  }

  /** The key of an account named in a request: trimmed and lower-cased, so case variants share one bucket. */
  public static String accountKey(String account) {
    return "acct:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
  }

  private String clientAddress(HttpCall call) {
    InetSocketAddress peer = call.exchange().remoteAddress();
    // The literal address, never a host name: the JDK keeps the name a client connected with (localhost over TLS).
    String host = peer == null ? "0.0.0.0"
        : peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
    List<String> forwardedFor = values(call.header("X-Forwarded-For"));
    List<String> forwarded = values(call.header("Forwarded"));
    InetAddress address = clientIps.resolve(host, forwardedFor, forwarded);
    return clientIps.clientKey(address);
  }

  private static List<String> values(String header) {
    return header == null ? List.of() : List.of(header);
  }

  private void answer(HttpCall call, LimitSpec spec, Decision decision) {
    if (decision.allowed()) {
      writeHeaders(call, spec, decision);
      return;
    }
    HttpProblem problem = HttpProblem.of(decision.storeUnavailable() ? 503 : 429, "limit " + spec.name());
    for (HeaderField field : headers.headers(spec, decision)) {
      problem = problem.withHeader(field.name(), field.value());
    }
    throw problem.withHeader("Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
  }

  private void writeHeaders(HttpCall call, LimitSpec spec, Decision decision) {
    for (HeaderField field : headers.headers(spec, decision)) {
      call.exchange().setHeader(field.name(), field.value());
    }
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
}
