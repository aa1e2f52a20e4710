package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.runtime.server.ServerKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attack corpora through real HTTP on both servers: every XSS payload through the basic-HTML policy (the stored
 * result parsed with jsoup, never substring-matched), and the naughty strings, SQL and command injection payloads
 * as text fields (a 2xx or a 4xx, never a 500, and what is stored comes back exactly, up to NFC).
 */
class CorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> lines(String resource) {
    try (InputStream in = CorpusTest.class.getResourceAsStream("/corpora/" + resource)) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !(resource.startsWith("blns") && line.startsWith("#"))) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String body(String field, String value) {
    return JSON.createObjectNode().put(field, value).toString();
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void xssPayloadsLeaveNoActiveContent(ServerKind kind) {
    List<String> payloads = new ArrayList<>(lines("payloads/xss-alert.txt"));
    payloads.addAll(lines("payloads/xss-intruders.txt"));
    int cleaned = 0;
    for (String payload : payloads) {
      Http.Response r = Http.send(kind, "POST", "/api/valid/comment", "application/json", body("content", payload));
      assertTrue(r.status() == 200 || r.status() == 400, payload + " -> " + r.status() + " " + r.body());
      if (r.status() != 200) {
        continue;
      }
      cleaned++;
      assertNoActiveContent(payload, r.json().path("content").asText());
    }
    // a payload that is nothing but markup is blank once cleaned and refused (400); the rest must be stored clean
    assertTrue(cleaned >= 100, "too few payloads were stored to show anything: " + cleaned + " of " + payloads.size());
  }

  static void assertNoActiveContent(String payload, String stored) {
    Document doc = Jsoup.parseBodyFragment(stored);
    for (Element e : doc.getAllElements()) {
      String tag = e.tagName().toLowerCase(Locale.ROOT);
      assertFalse(List.of("script", "style", "iframe", "object", "embed", "svg", "math", "form", "base", "link", "meta")
          .contains(tag), () -> "element <" + tag + "> survived from " + payload + ": " + stored);
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        assertFalse(name.startsWith("on"), () -> "event handler " + name + " survived from " + payload);
        assertFalse(name.equals("style"), () -> "style survived from " + payload);
        if (List.of("href", "src", "action", "formaction", "xlink:href").contains(name)) {
          String url = a.getValue().strip().toLowerCase(Locale.ROOT);
          assertTrue(url.startsWith("http:") || url.startsWith("https:") || url.startsWith("mailto:"),
              () -> "URL " + url + " survived from " + payload);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void naughtyAndInjectionStringsAreStoredExactlyOrRefused(ServerKind kind) {
    List<String> strings = new ArrayList<>(lines("blns/blns.txt"));
    for (String file : List.of("sqli-auth-bypass.txt", "sqli-error-based.txt", "sqli-union-select.txt",
        "command-exec.txt", "path-traversal.txt")) {
      strings.addAll(lines("payloads/" + file));
    }
    int stored = 0;
    for (String value : strings) {
      Http.Response r = Http.send(kind, "POST", "/api/valid/echo", "application/json", body("text", value));
      assertTrue(r.status() == 200 || (r.status() >= 400 && r.status() < 500), value + " -> " + r.status());
      if (r.status() == 200) {
        stored++;
        assertEquals(Normalizer.normalize(value, Normalizer.Form.NFC), r.json().path("text").asText(), value);
      }
    }
    assertTrue(stored > strings.size() * 9 / 10, "only " + stored + " of " + strings.size() + " were accepted");
  }
}
