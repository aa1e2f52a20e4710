package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OWASP API2:2023, credential stuffing: failed logins against many accounts from one client address are throttled per
 * client IP (a class of its own, since it spends the address's whole failure budget), and rotating
 * {@code X-Forwarded-For} from an untrusted peer buys no extra attempts.
 */
class Api2CredentialStuffingTest extends SuiteBase {
  @EveryConfig
  void failedLoginsAcrossAccountsAreThrottledPerClientIp(Config config) {
    SampleUnderTest app = app(config);
    Http.Reply last = null;
    int failures = 0;
    for (int i = 0; i < 60; i++) {
      last = app.http.post("/api/auth/login", "{\"email\":\"victim-" + i + "@example.com\",\"password\":\"Summer2024!\"}",
          "X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=198.51.100." + i);
      if (last.status() == 429) {
        break;
      }
      assertEquals(401, last.status(), last.toString());
      failures++;
    }
    assertEquals(429, last.status(), "60 failed logins from one address were never throttled");
    assertTrue(Long.parseLong(last.header("Retry-After")) > 0, last.toString());
    String policy = last.header("RateLimit-Policy");
    assertTrue(policy != null && policy.contains("q=" + failures), "throttled after " + failures + " failures, policy " + policy);
  }
}
