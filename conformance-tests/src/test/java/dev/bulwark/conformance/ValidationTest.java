package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.runtime.server.ServerKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every constraint with a valid and an invalid case over HTTP, on both servers; nested and container-element paths
 * in the error list; and never the rejected value in the answer.
 */
class ValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARK = "zzmarkzz";

  static ObjectNode valid() {
    ObjectNode p = JSON.createObjectNode();
    p.put("name", "Ada").put("email", "ada@example.com").put("age", 36).put("score", 0).put("delta", -1)
        .put("debt", 0).put("price", new BigDecimal("9.99")).put("amount", new BigDecimal("123.45")).put("rank", 5)
        .put("born", "1815-12-10").put("seen", "2020-01-01T00:00:00Z").put("expires", "2999-01-01T00:00:00Z")
        .put("due", LocalDate.now().plusDays(1).toString()).put("terms", true).put("banned", false)
        .putNull("internal").put("slug", "ada");
    p.putArray("tags").add("math").add("poetry");
    p.putObject("counts").put("papers", 1);
    p.putObject("address").put("city", "London").put("zip", "12345");
    p.putArray("others").addObject().put("city", "Paris").put("zip", "75001");
    return p;
  }

  static Stream<Arguments> violations() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "body.name", p -> p.put("name", "   "));
    add(cases, "body.name", p -> p.put("name", MARK.repeat(10)));
    add(cases, "body.email", p -> p.put("email", MARK + "@"));
    add(cases, "body.age", p -> p.put("age", 0));
    add(cases, "body.score", p -> p.put("score", -1));
    add(cases, "body.delta", p -> p.put("delta", 0));
    add(cases, "body.debt", p -> p.put("debt", 1));
    add(cases, "body.price", p -> p.put("price", new BigDecimal("0.001")));
    add(cases, "body.price", p -> p.put("price", new BigDecimal("1000")));
    add(cases, "body.amount", p -> p.put("amount", new BigDecimal("1234.5")));
    add(cases, "body.amount", p -> p.put("amount", new BigDecimal("1.234")));
    add(cases, "body.rank", p -> p.put("rank", 11));
    add(cases, "body.rank", p -> p.put("rank", 0));
    add(cases, "body.born", p -> p.put("born", "2999-01-01"));
    add(cases, "body.seen", p -> p.put("seen", "2999-01-01T00:00:00Z"));
    add(cases, "body.expires", p -> p.put("expires", "2000-01-01T00:00:00Z"));
    add(cases, "body.due", p -> p.put("due", "2000-01-01"));
    add(cases, "body.terms", p -> p.put("terms", false));
    add(cases, "body.banned", p -> p.put("banned", true));
    add(cases, "body.internal", p -> p.put("internal", "x"));
    add(cases, "body.tags", p -> p.putNull("tags"));
    add(cases, "body.tags", p -> p.putArray("tags").add("a").add("b").add("c").add("d"));
    add(cases, "body.tags[1]", p -> p.putArray("tags").add("ok").add(" "));
    add(cases, "body.tags[0]", p -> p.putArray("tags").add(MARK + "-too-long"));
    add(cases, "body.counts", p -> p.putObject("counts"));
    add(cases, "body.counts[0]", p -> p.putObject("counts").put("x", -5));
    add(cases, "body.address", p -> p.putNull("address"));
    add(cases, "body.address.city", p -> ((ObjectNode) p.get("address")).put("city", ""));
    add(cases, "body.address.zip", p -> ((ObjectNode) p.get("address")).put("zip", MARK));
    add(cases, "body.others[0].zip", p -> ((ObjectNode) p.get("others").get(0)).put("zip", "1"));
    add(cases, "body.slug", p -> p.put("slug", "Not-Lower"));
    return cases.stream();
  }

  private static void add(List<Arguments> cases, String field, Consumer<ObjectNode> change) {
    ObjectNode p = valid();
    change.accept(p);
    cases.add(Arguments.of(field, p.toString()));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aValidBodyPasses(ServerKind kind) {
    Http.Response r = Http.send(kind, "POST", "/api/valid/profile", "application/json", valid().toString());
    assertEquals(200, r.status(), r.body());
    assertEquals("London", r.json().path("address").path("city").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void eachViolationNamesItsFieldOnJdk(String field, String body) {
    violation(ServerKind.JDK, field, body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void eachViolationNamesItsFieldOnJavalin(String field, String body) {
    violation(ServerKind.JAVALIN, field, body);
  }

  private static void violation(ServerKind kind, String field, String body) {
    Http.Response r = Http.send(kind, "POST", "/api/valid/profile", "application/json", body);
    JsonNode problem = problem(r, 400);
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertEquals(List.of(field), fields, r.body());
    assertFalse(r.body().contains(MARK), "the rejected value was echoed: " + r.body());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void everyViolationIsListedInOneResponse(ServerKind kind) {
    ObjectNode p = valid();
    p.put("name", "").put("age", -3).put("terms", false);
    ((ObjectNode) p.get("address")).put("city", "");
    JsonNode problem = problem(Http.send(kind, "POST", "/api/valid/profile", "application/json", p.toString()), 400);
    assertEquals(4, problem.path("errors").size(), problem.toString());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void parameterConstraints(ServerKind kind) {
    assertEquals("\"Ada|20|a@b.io|ABC-12|[x, y]|hi\"",
        Http.get(kind, "/api/valid/params?name=Ada&age=20&email=a@b.io&code=ABC-12&tag=x&tag=y&q=hi").body());
    String[][] bad = {
        {"/api/valid/params?name=A&age=20", "query.name"},
        {"/api/valid/params?name=%20%20&age=20", "query.name"},
        {"/api/valid/params?name=Ada&age=17", "query.age"},
        {"/api/valid/params?name=Ada&age=131", "query.age"},
        {"/api/valid/params?name=Ada&age=20&email=nope", "query.email"},
        {"/api/valid/params?name=Ada&age=20&code=abc-12", "query.code"},
        {"/api/valid/params?name=Ada&age=20&tag=a&tag=b&tag=c&tag=d", "query.tag"},
        {"/api/valid/params?name=Ada&age=20&tag=toolong", "query.tag[0]"},
        {"/api/valid/params?name=Ada&age=20&q=" + "x".repeat(51), "query.q"},
        {"/api/valid/params?name=Ada%01&age=20", "query.name"}};
    for (String[] c : bad) {
      JsonNode problem = problem(Http.get(kind, c[0]), 400);
      assertEquals(c[1], problem.path("errors").get(0).path("field").asText(), c[0] + " -> " + problem);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void textIsSanitizedAfterValidationAndTheCleanedLengthIsChecked(ServerKind kind) {
    String q = Http.get(kind, "/api/valid/params?name=Ada&age=20&q=%3Cb%3Ehi%3C%2Fb%3E%3Cscript%3Ex%3C%2Fscript%3E").body();
    assertFalse(q.contains("<"), q);
    Http.Response comment = Http.send(kind, "POST", "/api/valid/comment", "application/json",
        "{\"content\":\"<p>Hello <b>there</b><script>alert(1)</script><a href=\\\"javascript:alert(1)\\\">x</a></p>\"}");
    assertEquals(200, comment.status(), comment.body());
    String content = comment.json().path("content").asText();
    assertTrue(content.contains("<b>there</b>"), content);
    assertFalse(content.contains("script") || content.contains("javascript"), content);
    // 1000 ampersands are within the bound before cleaning and over it after (each becomes &amp;)
    problem(Http.send(kind, "POST", "/api/valid/comment", "application/json", "{\"content\":\"" + "&".repeat(1000) + "\"}"), 400);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void rejectModeRefusesMarkupInsteadOfCleaningIt(ServerKind kind) {
    assertEquals(200, Http.send(kind, "POST", "/api/valid/strict", "application/json", "{\"title\":\"plain title\"}").status());
    JsonNode problem = problem(Http.send(kind, "POST", "/api/valid/strict", "application/json",
        "{\"title\":\"<img src=x onerror=alert(1)>\"}"), 400);
    assertEquals("body.title", problem.path("errors").get(0).path("field").asText());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void customChecksRunWithTheirMessage(ServerKind kind) {
    assertEquals(200, Http.send(kind, "POST", "/api/valid/coded", "application/json", "{\"code\":\"ab\"}").status());
    JsonNode problem = problem(Http.send(kind, "POST", "/api/valid/coded", "application/json", "{\"code\":\"abc\"}"), 400);
    assertEquals("must have an even length", problem.path("errors").get(0).path("message").asText());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void outboundUrlsToInternalTargetsAreRefused(ServerKind kind) {
    assertEquals(200, Http.send(kind, "POST", "/api/valid/link", "application/json",
        "{\"url\":\"https://example.com/feed.xml\"}").status());
    for (String url : new String[] {"http://127.0.0.1:8080/admin", "http://localhost/", "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/", "http://2130706433/", "http://0x7f.1/", "http://10.0.0.5/", "http://192.168.1.1/",
        "http://metadata.google.internal/", "file:///etc/passwd", "gopher://example.com/", "http://user:pw@example.com/",
        "http://[::ffff:127.0.0.1]/", "http://[fd00:ec2::254]/"}) {
      JsonNode problem = problem(Http.send(kind, "POST", "/api/valid/link", "application/json",
          "{\"url\":\"" + url + "\"}"), 400);
      assertEquals("body.url", problem.path("errors").get(0).path("field").asText(), url);
      assertFalse(problem.toString().contains(url), problem.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void textIsNormalizedAndControlCharactersRefused(ServerKind kind) {
    Http.Response nfc = Http.send(kind, "POST", "/api/valid/echo", "application/json", "{\"text\":\"e\\u0301\"}");
    assertEquals(200, nfc.status(), nfc.body());
    assertEquals("\u00e9", nfc.json().path("text").asText());
    problem(Http.send(kind, "POST", "/api/valid/echo", "application/json", "{\"text\":\"a\\u0000b\"}"), 400);
    problem(Http.send(kind, "POST", "/api/valid/echo", "application/json", "{\"text\":\"a\\ud800b\"}"), 400);
    assertEquals(200, Http.send(kind, "POST", "/api/valid/echo", "application/json", "{\"text\":\"tab\\tand\\nnewline\"}").status());
  }
}
