package dev.bulwark.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlainHttpTest {
  private final PlainHttp redirect = PlainHttp.redirect(8080);

  @Test
  void redirectsToTheSameHostAndPathOverHttps() {
    assertEquals("https://api.example.com/a/b?x=1", redirect.location("api.example.com", "/a/b", "x=1", 443));
    assertEquals("https://api.example.com:8443/a", redirect.location("api.example.com:8080", "/a", null, 8443));
    assertEquals("https://[::1]:8443/a", redirect.location("[::1]:8080", "/a", "", 8443));
  }

  @Test
  void refusesWhatCannotBeRedirectedSafely() {
    assertNull(redirect.location(null, "/a", null, 443));
    assertNull(redirect.location("evil.example/x", "/a", null, 443));
    assertNull(redirect.location("a@evil.example", "/a", null, 443));
    assertNull(redirect.location("api.example.com", "//evil.example/a", null, 443));
    assertNull(redirect.location("api.example.com", "/a/../b", null, 443));
    assertNull(redirect.location("api.example.com", "/a", "x=\r\n", 443));
    assertNull(PlainHttp.refuse(8080).location("api.example.com", "/a", null, 443));
  }
}
