package dev.bulwark.benchmarks.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bulwark.benchmarks.HandWrittenSignupValidator;
import dev.bulwark.benchmarks.HandWrittenTokenCheck;
import dev.bulwark.benchmarks.Signup;
import dev.bulwark.runtime.validation.Violations;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucket;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The endpoint's checks written by hand with the same libraries (java-jwt, Bucket4j in a bounded Caffeine cache,
 * Jackson, inline validation), as a careful team would on a plain server: 401/403/429/415/400 answers, the same
 * security response headers and a request id, and no framework of ours. Server-neutral: {@link #handle} takes what
 * it needs from the request and returns what to send, and the Javalin and JDK adapters in {@link RawServers} copy it.
 */
final class HandWrittenEndpoint {
  /** What to send back. */
  record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {}

  private static final long CAPACITY = 1_000_000;
  private static final String POLICY = "\"create\";q=" + CAPACITY + ";w=1";
  static final Map<String, String> SECURITY_HEADERS = securityHeaders();

  private final HandWrittenTokenCheck tokens;
  private final Cache<String, LocalBucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofSeconds(1)).build();
  private final ObjectReader reader;
  private final ObjectWriter writer;
  private final ObjectWriter problemWriter;

  HandWrittenEndpoint(HandWrittenTokenCheck tokens) {
    this.tokens = tokens;
    ObjectMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.reader = mapper.readerFor(Signup.class);
    this.writer = mapper.writerFor(BenchApi.Receipt.class);
    this.problemWriter = mapper.writerFor(Problem.class);
  }

  /** RFC 9457 problem body. */
  record Problem(String type, String title, int status, String requestId, List<String> errors) {}

  Reply handle(String authorization, String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
    String requestId = requestId();
    headers.put("X-Request-Id", requestId);
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      headers.put("WWW-Authenticate", "Bearer");
      return problem(401, "Unauthorized", requestId, List.of(), headers);
    }
    HandWrittenTokenCheck.Caller caller = tokens.verify(authorization.substring(7));
    if (caller == null) {
      headers.put("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return problem(401, "Unauthorized", requestId, List.of(), headers);
    }
    if (!caller.roles().contains("user")) {
      return problem(403, "Forbidden", requestId, List.of(), headers);
    }
    LocalBucket bucket = buckets.get(caller.subject(), k -> Bucket.builder()
        .addLimit(l -> l.capacity(CAPACITY).refillGreedy(CAPACITY, Duration.ofSeconds(1))).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    headers.put("RateLimit-Policy", POLICY);
    if (!probe.isConsumed()) {
      long retry = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      headers.put("Retry-After", Long.toString(retry));
      headers.put("RateLimit", "\"create\";r=0;t=" + retry);
      return problem(429, "Too Many Requests", requestId, List.of(), headers);
    }
    headers.put("RateLimit", "\"create\";r=" + probe.getRemainingTokens() + ";t=1");
    if (contentType == null || !contentType.regionMatches(true, 0, "application/json", 0, 16)) {
      return problem(415, "Unsupported Media Type", requestId, List.of(), headers);
    }
    Signup order;
    try {
      order = reader.readValue(body);
    } catch (JacksonException e) {
      return problem(400, "Bad Request", requestId, List.of("body"), headers);
    } catch (IOException e) {
      return problem(400, "Bad Request", requestId, List.of("body"), headers);
    }
    if (order == null) {
      return problem(400, "Bad Request", requestId, List.of("body"), headers);
    }
    Violations violations = new Violations();
    HandWrittenSignupValidator.validate(order, violations, "body");
    if (!violations.isEmpty()) {
      return problem(400, "Bad Request", requestId, List.of("body"), headers);
    }
    try {
      return new Reply(200, "application/json", writer.writeValueAsBytes(BenchService.receipt(caller.subject(), order)),
          headers);
    } catch (IOException e) {
      return problem(500, "Internal Server Error", requestId, List.of(), headers);
    }
  }

  private Reply problem(int status, String title, String requestId, List<String> errors, Map<String, String> headers) {
    try {
      return new Reply(status, "application/problem+json",
          problemWriter.writeValueAsBytes(new Problem("about:blank", title, status, requestId, errors)), headers);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String requestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
  }

  private static Map<String, String> securityHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Content-Type-Options", "nosniff");
    h.put("X-Frame-Options", "DENY");
    h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cache-Control", "no-store");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    return Map.copyOf(h);
  }
}
