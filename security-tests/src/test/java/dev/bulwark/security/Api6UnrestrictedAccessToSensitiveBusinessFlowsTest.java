package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.security.SampleUnderTest.User;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * OWASP API6:2023 Unrestricted Access to Sensitive Business Flows: mass sign-up from one address and post spam from
 * one account are throttled at exactly the capacity the endpoint advertises in {@code RateLimit-Policy}, with a 429,
 * {@code Retry-After}, and no account or post created past it. (Ordered: post spam spends one sign-up.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Api6UnrestrictedAccessToSensitiveBusinessFlowsTest extends SuiteBase {
  private static final Pattern QUOTA = Pattern.compile("q=(\\d+)");

  static int quota(Http.Reply r) {
    String policy = r.header("RateLimit-Policy");
    assertTrue(policy != null, "no RateLimit-Policy on " + r);
    Matcher m = QUOTA.matcher(policy);
    int min = Integer.MAX_VALUE;
    while (m.find()) {
      min = Math.min(min, Integer.parseInt(m.group(1)));
    }
    return min;
  }

  @EveryConfig
  @Order(1)
  void postSpamIsThrottledAtTheAdvertisedBurst(Config config) {
    SampleUnderTest app = app(config);
    User spammer = app.newUser("zed");
    Http.Reply first = app.http.post("/api/posts", "{\"title\":\"buy now 0\",\"body\":\"spam\"}", spammer.bearer());
    assertEquals(201, first.status(), first.toString());
    int created = 1;
    Http.Reply last = first;
    while (created < 200) {
      last = app.http.post("/api/posts", "{\"title\":\"buy now " + created + "\",\"body\":\"spam\"}", spammer.bearer());
      if (last.status() != 201) {
        break;
      }
      created++;
    }
    assertEquals(429, last.status(), "200 posts in a row were never throttled: " + last);
    int burst = quota(last);
    assertEquals(burst, created, "posts created before the 429 of the limit " + last.header("RateLimit-Policy"));
    assertTrue(Long.parseLong(last.header("Retry-After")) > 0);
    Http.Reply list = app.http.get("/api/posts?limit=100", spammer.bearer());
    assertEquals(burst, list.json().size(), "a refused post was stored");
  }

  @EveryConfig
  @Order(2)
  void massSignUpFromOneAddressIsThrottled(Config config) {
    SampleUnderTest app = app(config);
    Http.Reply last = null;
    int created = 0;
    int capacity = -1;
    for (int i = 0; i < 200; i++) {
      last = app.http.post("/api/auth/register", "{\"email\":\"bot-" + i + "-" + System.nanoTime()
          + "@example.com\",\"password\":\"amber otter crosses the quiet river " + i + "\",\"name\":\"Bot " + i + "\"}",
          "X-Forwarded-For", "203.0.113." + (i % 250));
      if (last.status() != 201) {
        break;
      }
      capacity = quota(last);
      created++;
    }
    assertEquals(429, last.status(), "200 sign-ups from one address were never throttled: " + last);
    assertTrue(Long.parseLong(last.header("Retry-After")) > 0);
    // One sign-up of this class was spent by the post-spam test.
    assertEquals(capacity - 1, created, "sign-ups before the 429 (capacity " + capacity + ")");
  }
}
