package dev.bulwark.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeaderPolicyDefaultsTest {

  @Test
  void newDefaultsAndHstsKeptApart() {
    HeaderPolicy defaults = HeaderPolicy.defaults();
    assertEquals("same-origin", defaults.headers().get("Cross-Origin-Resource-Policy"));
    assertEquals("same-origin", defaults.headers().get("Cross-Origin-Opener-Policy"));
    assertFalse(defaults.headers().get("Permissions-Policy").isEmpty());
    assertFalse(defaults.headers().containsKey("Strict-Transport-Security"), "HSTS is for TLS responses only");
    assertEquals("max-age=31536000; includeSubDomains", defaults.hsts());
  }

  @Test
  void hstsCanBeChangedOrDroppedButNotBroken() {
    HeaderPolicy preload = HeaderPolicy.defaults().with("strict-transport-security", "max-age=63072000; includeSubDomains; preload");
    assertEquals("max-age=63072000; includeSubDomains; preload", preload.hsts());
    assertNull(HeaderPolicy.defaults().without("Strict-Transport-Security").hsts());
    assertThrows(IllegalArgumentException.class, () -> HeaderPolicy.defaults().hsts("includeSubDomains"));
    assertThrows(IllegalArgumentException.class, () -> HeaderPolicy.defaults().hsts("max-age=1\r\nSet-Cookie: a=b"));
  }

  @Test
  void aDerivedPolicyKeepsTheOtherHeaders() {
    HeaderPolicy page = HeaderPolicy.defaults().with("Content-Security-Policy", "default-src 'self'");
    assertEquals("default-src 'self'", page.headers().get("Content-Security-Policy"));
    assertEquals("nosniff", page.headers().get("X-Content-Type-Options"));
    assertEquals("same-origin", page.headers().get("Cross-Origin-Resource-Policy"));
    assertEquals(HeaderPolicy.defaults().hsts(), page.hsts());
  }
}
