package dev.bulwark.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

  @Test
  void exactOriginsOnly() {
    CorsPolicy policy = CorsPolicy.allowOrigins("https://App.Example.com", "http://localhost:3000", "http://[::1]:8080");
    assertTrue(policy.allows("https://app.example.com"));
    assertTrue(policy.allows("http://localhost:3000"));
    assertFalse(policy.allows("https://app.example.com.evil.example"));
    assertFalse(policy.allows("https://evil.example"));
    assertFalse(policy.allows("http://app.example.com"));
    assertFalse(policy.allows("null"));
    assertFalse(policy.allows(null));
    for (String bad : new String[] {"https://app.example.com/", "https://*.example.com", "app.example.com",
        "https://app.example.com/path", "null", "ftp://x", "https://a b"}) {
      assertThrows(IllegalArgumentException.class, () -> CorsPolicy.allowOrigins(bad), bad);
    }
  }

  @Test
  void wildcardWithCredentialsIsRefused() {
    CorsPolicy wildcard = CorsPolicy.allowOrigins("*");
    assertTrue(wildcard.allows("https://anything.example"));
    assertFalse(wildcard.allows("null"));
    wildcard.validate();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> wildcard.allowCredentials(true).validate());
    assertTrue(e.getMessage().contains("list the exact origins"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CorsPolicy.allowOrigins("*", "https://a.example"));
  }

  @Test
  void maxAgeIsBoundedAndNamesAreChecked() {
    CorsPolicy policy = CorsPolicy.allowOrigins("https://a.example");
    assertEquals(Duration.ofMinutes(10), policy.maxAge());
    assertThrows(IllegalArgumentException.class, () -> policy.maxAge(Duration.ofDays(1)));
    assertThrows(IllegalArgumentException.class, () -> policy.maxAge(Duration.ofSeconds(-1)));
    assertEquals(Duration.ofHours(2), policy.maxAge(Duration.ofHours(2)).maxAge());
    assertThrows(IllegalArgumentException.class, () -> policy.allowHeaders("*"));
    assertThrows(IllegalArgumentException.class, () -> policy.allowHeaders("X-A\r\nX-B"));
    assertThrows(IllegalArgumentException.class, () -> policy.allowMethods("GET POST"));
    assertEquals(java.util.List.of("x-a", "content-type"), policy.allowHeaders("X-A", "Content-Type").headers());
  }
}
