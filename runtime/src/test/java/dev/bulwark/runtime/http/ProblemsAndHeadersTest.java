package dev.bulwark.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsAndHeadersTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void problemBodyIsValidJsonWithGenericTitle() throws Exception {
    byte[] body = Problems.body(400, "abc", List.of(new HttpProblem.FieldError("body.a\"\n<x>", "is \\ bad\u2028")));
    JsonNode node = json.readTree(body);
    assertEquals("about:blank", node.path("type").asText());
    assertEquals("Bad Request", node.path("title").asText());
    assertEquals(400, node.path("status").asInt());
    assertEquals("abc", node.path("requestId").asText());
    assertEquals("body.a\"\n<x>", node.path("errors").get(0).path("field").asText());
    String text = new String(body, StandardCharsets.UTF_8);
    assertFalse(text.contains("<") || text.contains("\n") || text.contains("\u2028"), text);
  }

  @Test
  void everyStatusHasATitle() {
    for (int status : new int[] {400, 401, 403, 404, 405, 408, 413, 415, 429, 431, 500, 503, 418, 599}) {
      assertFalse(Problems.title(status).isEmpty());
    }
  }

  @Test
  void problemsCaptureNoStackTrace() {
    assertEquals(0, HttpProblem.of(404, "x").getStackTrace().length);
    HttpProblem p = HttpProblem.of(405, "x").withHeader("Allow", "GET");
    assertEquals("GET", p.headers().get("Allow"));
  }

  @Test
  void headerPolicyRefusesInjection() {
    HeaderPolicy defaults = HeaderPolicy.defaults();
    assertEquals("nosniff", defaults.headers().get("X-Content-Type-Options"));
    assertThrows(IllegalArgumentException.class, () -> defaults.with("X-A", "ok\r\nSet-Cookie: x=1"));
    assertThrows(IllegalArgumentException.class, () -> defaults.with("X-A\n", "v"));
    assertThrows(IllegalArgumentException.class, () -> defaults.with("X A", "v"));
    assertThrows(IllegalArgumentException.class, () -> defaults.with("X-A", null));
    HeaderPolicy custom = defaults.with("content-security-policy", "default-src 'self'").without("X-Frame-Options");
    assertEquals("default-src 'self'", custom.headers().get("content-security-policy"));
    assertFalse(custom.headers().containsKey("Content-Security-Policy"));
    assertFalse(custom.headers().containsKey("X-Frame-Options"));
    assertTrue(custom.headers().containsKey("Referrer-Policy"));
  }

  @Test
  void requestIdsAreUniqueHex() {
    String a = RequestIds.next();
    assertTrue(a.matches("[0-9a-f]{32}"), a);
    assertFalse(a.equals(RequestIds.next()));
  }

  @Test
  void onlyJsonContentTypesAreAccepted() {
    HttpCall.requireJsonContentType("application/json");
    HttpCall.requireJsonContentType("Application/JSON; charset=UTF-8");
    for (String bad : new String[] {"text/plain", "application/json-patch+json", "application/jsonx",
        "application/json; charset=latin1", "application/json; boundary=x"}) {
      assertEquals(415, assertThrows(HttpProblem.class, () -> HttpCall.requireJsonContentType(bad)).status(), bad);
    }
    assertEquals(415, assertThrows(HttpProblem.class, () -> HttpCall.requireJsonContentType(null)).status());
  }
}
