package dev.bulwark.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.ratelimit.Bandwidth;
import dev.bulwark.ratelimit.Decision;
import dev.bulwark.ratelimit.LimitSpec;
import dev.bulwark.ratelimit.PeriodParser;
import dev.bulwark.ratelimit.Refill;
import dev.bulwark.ratelimit.StoreFailurePolicy;
import dev.bulwark.ratelimit.headers.HeaderField;
import dev.bulwark.ratelimit.headers.RateLimitHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate-limit header writer on arbitrary limits (names, capacities and period strings through
 * {@link PeriodParser}) and decisions. A limit that is refused is refused with {@link IllegalArgumentException} at
 * construction. For one that is built: the period text round-trips through {@code format}; the headers come in the
 * fixed order with fixed names; {@code RateLimit-Policy} and {@code RateLimit} parse as RFC 9651 lists whose
 * strings, {@code q}, {@code w}, {@code r} and {@code t} are exactly the limit's and the decision's numbers (on a
 * refusal {@code t} equals {@code Retry-After}); the legacy and {@code Retry-After} fields are plain digits; and
 * nothing but the limit's own name is ever written, never a key.
 */
final class RateLimitHeadersFuzzTest {
  private static final List<String> NAMES = List.of("PostsApi.search.1", "login", "AuthApi.login.2", "a", "x-y_z.9");
  private static final List<String> PERIODS = List.of("1s", "15m", "1h", "1d", "500ms", "366d", "90s", "2h");

  @FuzzTest(maxDuration = "30s")
  void headers(FuzzedDataProvider data) {
    String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(70);
    int count = data.consumeInt(1, LimitSpec.MAX_BANDWIDTHS);
    List<Bandwidth> bandwidths = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long capacity = data.consumeBoolean() ? data.consumeLong(1, 1000) : data.consumeLong();
      String periodText = data.consumeBoolean() ? data.pickValue(PERIODS) : data.consumeString(12);
      Duration period;
      try {
        period = PeriodParser.parse(periodText);
      } catch (IllegalArgumentException refused) {
        assertNotNull(refused.getMessage());
        assertTrue(PeriodParser.problem(periodText).isPresent(), "parse refused a period that problem() accepts");
        return;
      }
      assertTrue(PeriodParser.problem(periodText).isEmpty(), "parse accepted a period that problem() refuses");
      assertEquals(period, PeriodParser.parse(PeriodParser.format(period)), "a period does not round-trip");
      try {
        bandwidths.add(new Bandwidth(capacity, period, Refill.GREEDY));
      } catch (IllegalArgumentException refused) {
        return;
      }
    }
    LimitSpec spec;
    try {
      spec = new LimitSpec(name, bandwidths, StoreFailurePolicy.FAIL_CLOSED);
    } catch (IllegalArgumentException refused) {
      return;
    }

    boolean allowed = data.consumeBoolean();
    boolean storeDown = data.consumeBoolean() && data.consumeBoolean();
    List<Decision.Quota> quotas = new ArrayList<>();
    if (!storeDown) {
      for (Bandwidth b : spec.bandwidths()) {
        quotas.add(new Decision.Quota(b, data.consumeLong(0, b.capacity()), data.consumeLong(0, b.windowSeconds())));
      }
    }
    long remaining = quotas.stream().mapToLong(Decision.Quota::remaining).min().orElse(0);
    long retryAfter = allowed ? 0 : data.consumeLong(1, 400L * 86_400);
    Decision decision = new Decision(allowed, remaining, spec.smallestCapacity(), 0, retryAfter, storeDown, quotas);
    boolean ietf = data.consumeBoolean();
    boolean legacy = data.consumeBoolean();
    boolean retry = data.consumeBoolean();
    List<HeaderField> fields = RateLimitHeaders.of(ietf, legacy, retry).headers(spec, decision);

    Map<String, String> byName = new LinkedHashMap<>();
    for (HeaderField field : fields) {
      assertTrue(byName.put(field.name(), field.value()) == null, "header " + field.name() + " written twice");
      for (char c : field.value().toCharArray()) {
        assertTrue(c >= 0x20 && c <= 0x7e, "a header value with a character outside printable ASCII");
      }
    }
    List<String> expectedNames = new ArrayList<>();
    int dominant = decision.dominantIndex();
    if (!storeDown && dominant >= 0) {
      if (ietf) {
        expectedNames.addAll(List.of("RateLimit-Policy", "RateLimit"));
      }
      if (legacy) {
        expectedNames.addAll(List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"));
      }
    }
    if (retry && !allowed) {
      expectedNames.add("Retry-After");
    }
    assertEquals(expectedNames, new ArrayList<>(byName.keySet()));

    if (byName.containsKey("RateLimit-Policy")) {
      List<StructuredFields.Item> policy = StructuredFields.parseList(byName.get("RateLimit-Policy"));
      assertEquals(spec.bandwidths().size(), policy.size());
      for (int i = 0; i < policy.size(); i++) {
        assertEquals(spec.policyId(i), policy.get(i).value());
        assertEquals(Map.of("q", spec.bandwidths().get(i).capacity(), "w", spec.bandwidths().get(i).windowSeconds()),
            policy.get(i).params());
      }
      List<StructuredFields.Item> state = StructuredFields.parseList(byName.get("RateLimit"));
      assertEquals(1, state.size());
      assertEquals(spec.policyId(dominant), state.get(0).value());
      long reset = allowed ? quotas.get(dominant).resetSeconds() : retryAfter;
      assertEquals(Map.of("r", remaining, "t", reset), state.get(0).params());
    }
    for (String digits : List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After")) {
      if (byName.containsKey(digits)) {
        assertTrue(byName.get(digits).matches("[0-9]{1,15}"), digits + " is not delta-seconds digits");
      }
    }
    if (byName.containsKey("Retry-After")) {
      assertEquals(Long.toString(retryAfter), byName.get("Retry-After"));
    }
  }
}
