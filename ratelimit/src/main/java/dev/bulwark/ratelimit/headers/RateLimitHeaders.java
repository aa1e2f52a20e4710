package dev.bulwark.ratelimit.headers;

import dev.bulwark.ratelimit.Decision;
import dev.bulwark.ratelimit.LimitSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes rate-limit response headers from a {@link Decision}, for the HTTP layer to write in order.
 *
 * <p>The IETF fields follow draft-ietf-httpapi-ratelimit-headers-10/-11, whose values are Structured Field
 * Lists (RFC 9651) of items with a String policy id:
 * <pre>
 * RateLimit-Policy: "posts.create";q=10;w=3600
 * RateLimit: "posts.create";r=4;t=1800
 * </pre>
 * {@code RateLimit-Policy} lists every bandwidth of the spec ({@code q} quota, {@code w} window in seconds).
 * {@code RateLimit} reports the bandwidth closest to exhaustion, as the draft requires ({@code r} remaining,
 * {@code t} seconds until it is full again; on a refusal {@code t} equals {@code Retry-After}, since the draft
 * asks both to name the same point in time). No partition key ({@code pk}) is sent: it would echo the client's key. The legacy
 * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (delta seconds) describe the same bandwidth.
 * {@code Retry-After} (delta seconds) comes with every refusal. When the store was unavailable the counts are
 * unknown, so only {@code Retry-After} is sent.
 */
public final class RateLimitHeaders {

  private final boolean ietf;
  private final boolean legacy;
  private final boolean retryAfter;

  private RateLimitHeaders(boolean ietf, boolean legacy, boolean retryAfter) {
    this.ietf = ietf;
    this.legacy = legacy;
    this.retryAfter = retryAfter;
  }

  /** IETF fields and Retry-After, no legacy fields: the default. */
  public static RateLimitHeaders standard() {
    return new RateLimitHeaders(true, false, true);
  }

  /** The same with each group switched on or off. */
  public static RateLimitHeaders of(boolean ietf, boolean legacy, boolean retryAfter) {
    return new RateLimitHeaders(ietf, legacy, retryAfter);
  }

  /** The headers for one decision, in a fixed order. */
  public List<HeaderField> headers(LimitSpec spec, Decision decision) {
    List<HeaderField> out = new ArrayList<>(6);
    int dominant = decision.dominantIndex();
    if (!decision.storeUnavailable() && dominant >= 0) {
      Decision.Quota quota = decision.quotas().get(dominant);
      // The draft: with Retry-After present, the reset SHOULD name the same point in time.
      long reset = decision.allowed() ? quota.resetSeconds() : decision.retryAfterSeconds();
      if (ietf) {
        out.add(new HeaderField("RateLimit-Policy", policy(spec)));
        out.add(new HeaderField("RateLimit", sfString(spec.policyId(dominant)) + ";r=" + decision.remaining()
            + ";t=" + reset));
      }
      if (legacy) {
        out.add(new HeaderField("X-RateLimit-Limit", Long.toString(quota.bandwidth().capacity())));
        out.add(new HeaderField("X-RateLimit-Remaining", Long.toString(decision.remaining())));
        out.add(new HeaderField("X-RateLimit-Reset", Long.toString(reset)));
      }
    }
    if (retryAfter && !decision.allowed()) {
      out.add(new HeaderField("Retry-After", Long.toString(decision.retryAfterSeconds())));
    }
    return out;
  }

  /** The RateLimit-Policy value of a spec; it does not change between responses, so callers may cache it. */
  public static String policy(LimitSpec spec) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < spec.bandwidths().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(sfString(spec.policyId(i))).append(";q=").append(spec.bandwidths().get(i).capacity())
          .append(";w=").append(spec.bandwidths().get(i).windowSeconds());
    }
    return out.toString();
  }

  // RFC 9651 sf-string. Limit names are restricted to a safe alphabet already; escaping keeps this true for any input.
  static String sfString(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append('?');
      }
    }
    return out.append('"').toString();
  }
}
