package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.security.SampleUnderTest.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of the attacks (ASVS V16.2, V16.3): a failed and a successful login, a 401, a 403 and a 429 each
 * leave a structured line on the {@code bulwark.audit} logger with a UTC timestamp, the event, the outcome and, for
 * the refusals, the request id the client saw. (That no password or token reaches the log at all is checked after
 * every class of the suite, in {@link SuiteBase}.)
 */
class AuditTrailTest extends SuiteBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<JsonNode> auditLines() throws IOException {
    String file = System.getProperty("security.test.log");
    assertTrue(file != null && Files.exists(Path.of(file)), "no server log at " + file);
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(file))) {
      int at = line.indexOf("bulwark.audit - {");
      if (at >= 0) {
        out.add(JSON.readTree(line.substring(line.indexOf('{', at))));
      }
    }
    return out;
  }

  static long count(List<JsonNode> lines, String event) {
    return lines.stream().filter(l -> l.path("event").asText().equals(event)).count();
  }

  static JsonNode byRequest(List<JsonNode> lines, Http.Reply r) {
    String id = r.header("X-Request-Id");
    return lines.stream().filter(l -> l.path("request_id").asText().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no audit line for request " + id + " (" + r + ")"));
  }

  @EveryConfig
  void securityEventsAreAuditedWithTimeEventOutcomeAndRequestId(Config config) throws IOException {
    SampleUnderTest app = app(config);
    List<JsonNode> before = auditLines();
    User user = app.newUser("audrey");
    assertEquals(401, app.http.post("/api/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"wrong one\"}").status());
    Http.Reply anonymous = app.http.get("/api/users/me");
    assertEquals(401, anonymous.status());
    Http.Reply forbidden = app.http.get("/api/admin/users", user.bearer());
    assertEquals(403, forbidden.status());
    Http.Reply limited = null;
    for (int i = 0; i < 40 && (limited == null || limited.status() != 429); i++) {
      limited = app.http.get("/api/posts/search?q=audit");
    }
    assertEquals(429, limited.status(), limited.toString());
    List<JsonNode> after = auditLines();
    for (String event : List.of("ACCOUNT_REGISTERED", "LOGIN_SUCCEEDED", "LOGIN_FAILED", "ACCESS_DENIED_401",
        "ACCESS_DENIED_403", "RATE_LIMITED")) {
      assertTrue(count(after, event) > count(before, event), "no new " + event + " audit line");
    }
    for (Http.Reply refused : List.of(anonymous, forbidden, limited)) {
      JsonNode line = byRequest(after, refused);
      assertTrue(line.path("ts").asText().endsWith("Z"), "not UTC: " + line);
      assertTrue(List.of("DENIED", "FAILURE").contains(line.path("outcome").asText()), line.toString());
    }
    assertEquals(user.id(), byRequest(after, forbidden).path("principal").asText());
  }
}
