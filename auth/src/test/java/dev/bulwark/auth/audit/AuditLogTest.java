package dev.bulwark.auth.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.auth.AuthenticationException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditLogTest {
  /** Request ids are 32 hex digits made by the server: they look random, and must not be redacted. */
  private static final String SERVER_REQUEST_ID = "9f86d081884c7d659a2feaa0c55ad015";


  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private final List<String> lines = new ArrayList<>();
  private final AuditLog audit = AuditLog.to((event, line) -> lines.add(line), CLOCK);

  private JsonNode only() throws IOException {
    assertEquals(1, lines.size());
    return JSON.readTree(lines.get(0));
  }

  /** Every character a log reader could take for a line break, or that reorders text, is escaped. */
  private static void assertLineSafe(String line) {
    line.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      assertFalse(cp < 0x20 || cp == 0x7f || type == Character.CONTROL || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
              || type == Character.SURROGATE,
          () -> String.format("raw U+%04X in %s", cp, line));
    });
  }

  @Test
  void writesTheCommonFieldsInAFixedOrder() throws IOException {
    audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE)
        .requestId("req-1").principal("user-42").clientIp("192.0.2.7").reason(Reason.INVALID_CREDENTIALS)
        .detail("login", "alice@example.com").detail("attempt", "3").build());
    assertEquals("{\"ts\":\"2026-01-01T00:00:00Z\",\"event\":\"LOGIN_FAILED\",\"outcome\":\"FAILURE\","
        + "\"request_id\":\"req-1\",\"principal\":\"user-42\",\"client_ip\":\"192.0.2.7\","
        + "\"reason\":\"INVALID_CREDENTIALS\",\"detail\":{\"attempt\":\"3\",\"login\":\"alice@example.com\"}}",
        lines.get(0));
  }

  @Test
  void shortcutLeavesOutAbsentFields() throws IOException {
    audit.record(AuditEventType.RATE_LIMITED, AuditOutcome.DENIED, "req-2", null, "2001:db8::1", null);
    JsonNode line = only();
    assertEquals("RATE_LIMITED", line.get("event").asText());
    assertFalse(line.has("principal"));
    assertFalse(line.has("reason"));
  }

  @Test
  void newlinesInUserValuesCannotForgeALine() throws IOException {
    String forged = "alice\n{\"ts\":\"2026-01-01T00:00:00Z\",\"event\":\"LOGIN_SUCCEEDED\",\"outcome\":\"SUCCESS\"}";
    audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE)
        .requestId("r\r\n1").principal("bob\u2028admin").clientIp("1.2.3.4\u0085x").detail("login", forged).build());
    String line = lines.get(0);
    assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028") || line.contains("\u0085"));
    assertTrue(line.contains("\\n") && line.contains("\\r") && line.contains("\\u2028") && line.contains("\\u0085"));
    JsonNode parsed = only();
    assertEquals("LOGIN_FAILED", parsed.get("event").asText());
    assertEquals(forged, parsed.get("detail").get("login").asText(), "escaping loses nothing");
    assertEquals("bob\u2028admin", parsed.get("principal").asText());
  }

  @Test
  void bidiOverridesAndOtherControlsAreEscaped() throws IOException {
    String sneaky = "user\u202Etxt.exe\u0000\u001b[31mred\u007f\u200Bzero\uFEFF";
    audit.record(AuditEvent.of(AuditEventType.ACCESS_DENIED_403, AuditOutcome.DENIED)
        .principal(sneaky).detail("route", sneaky).build());
    assertLineSafe(lines.get(0));
    assertEquals(sneaky, only().get("principal").asText());
  }

  @Test
  void unpairedSurrogatesBecomeReplacementCharacters() throws IOException {
    audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE)
        .principal("a\uD800b").detail("login", "x\uDC00y\uD83D\uDE00").build());
    assertLineSafe(lines.get(0));
    assertEquals("a\uFFFDb", only().get("principal").asText());
    assertEquals("x\uFFFDy\uD83D\uDE00", only().get("detail").get("login").asText(), "real pairs survive");
  }

  static List<String> naughtyStrings() throws IOException {
    try (InputStream in = AuditLogTest.class.getResourceAsStream("/corpora/blns/blns.json")) {
      List<String> all = new ArrayList<>();
      JSON.readTree(in).forEach(node -> all.add(node.asText()));
      assertTrue(all.size() > 400, "the corpus is there");
      return all;
    }
  }

  @ParameterizedTest
  @MethodSource("naughtyStrings")
  void everyNaughtyStringStaysOnOneParseableLine(String naughty) throws IOException {
    audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE)
        .requestId(naughty).principal(naughty).clientIp(naughty).target(naughty).detail("login", naughty).build());
    assertLineSafe(lines.get(0));
    JsonNode line = only();
    assertEquals("LOGIN_FAILED", line.get("event").asText());
    assertEquals(Redactor.identifier(naughty, Redactor.MAX_VALUE_CHARS), line.get("principal").asText());
    assertEquals(Redactor.clean(naughty), line.get("detail").get("login").asText());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlLWJ5dGVz"
          + "| c2lnbmF0dXJlLWJ5dGVz",
      "bwk_0123456789abcdef_Qk9HVVMtU0VDUkVULUZPUi1URVNUUy1PTkxZLTEyMzQ1Njc4 | 0123456789abcdef_Qk9H",
      "Bearer q83vEjR2xWk9PzLm | q83vEjR2xWk9PzLm",
      "Basic YWxpY2U6d29uZGVybGFuZA | YWxpY2U6d29uZGVybGFuZA",
      "password=Tr0ub4dor&3 | Tr0ub4dor",
      "client_secret: 'hunter2 hunter2' | hunter2",
      "refresh_token=k7PqzV3mWbX1nR8sT2uY5aC0dE9fG4hJ | k7PqzV3m",
      "k7PqzV3mWbX1nR8sT2uY5aC0dE9fG4hJk7PqzV3mWbX1 | k7PqzV3m",
      "4f9c2a7b1e8d3c6f0a5b9e2d7c4f1a8b | 4f9c2a7b",
      "/reset?t=Zk9vQmFyQmF6UXV4UXV1eENvcmdl/x | Zk9vQmFy"
  })
  void credentialsInFreeFormValuesAreRedacted(String value, String mustNotAppear) throws IOException {
    String context = "tried " + value + " from curl";
    audit.record(AuditEvent.of(AuditEventType.ACCESS_DENIED_401, AuditOutcome.DENIED)
        .requestId(SERVER_REQUEST_ID).target(context).detail("header", context).build());
    String line = lines.get(0);
    assertFalse(line.contains(mustNotAppear), () -> line);
    assertEquals(SERVER_REQUEST_ID, only().get("request_id").asText(), "the request id must survive for correlation");
    String detail = only().get("detail").get("header").asText();
    assertTrue(detail.contains("[REDACTED]"), detail);
    assertTrue(detail.startsWith("tried ") && detail.endsWith(" from curl"), "the context survives: " + detail);
  }

  @Test
  void ordinaryValuesAreNotRedacted() throws IOException {
    String uuid = "550e8400-e29b-41d4-a716-446655440000";
    audit.record(AuditEvent.of(AuditEventType.ACCESS_DENIED_403, AuditOutcome.DENIED)
        .target("/api/posts/" + uuid).detail("login", "alice.liddell@example.com")
        .detail("policy", "INVALID_CREDENTIALS_OR_LOCKED").detail("note", "wrong passcode entered twice").build());
    JsonNode line = only();
    assertEquals("/api/posts/" + uuid, line.get("target").asText());
    assertEquals("alice.liddell@example.com", line.get("detail").get("login").asText());
    assertEquals("INVALID_CREDENTIALS_OR_LOCKED", line.get("detail").get("policy").asText());
    assertEquals("wrong passcode entered twice", line.get("detail").get("note").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"password", "new_password", "refresh_token", "api_key", "totp_code", "session_id",
      "authorization", "password_hash", "client_secret"})
  void detailsNamedLikeSecretsAreNeverWritten(String key) throws IOException {
    audit.record(AuditEvent.of(AuditEventType.PASSWORD_CHANGED, AuditOutcome.SUCCESS)
        .detail(key, "plain words here").build());
    assertEquals("[REDACTED]", only().get("detail").get(key).asText());
    assertFalse(lines.get(0).contains("plain words here"));
  }

  @Test
  void keyIdIsNotMistakenForASecret() throws IOException {
    audit.record(AuditEvent.of(AuditEventType.API_KEY_REVOKED, AuditOutcome.SUCCESS)
        .detail("key_id", "0123456789abcdef").build());
    assertEquals("0123456789abcdef", only().get("detail").get("key_id").asText());
  }

  @Test
  void longValuesAreCapped() throws IOException {
    audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE)
        .detail("login", "a ".repeat(10_000)).principal("p".repeat(10_000)).build());
    JsonNode line = only();
    assertTrue(line.get("detail").get("login").asText().length() < 300);
    assertEquals(Redactor.MAX_VALUE_CHARS, line.get("principal").asText().length());
  }

  @Test
  void badKeysAndReasonsAreProgrammingErrors() {
    assertThrows(IllegalArgumentException.class,
        () -> AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE).detail("Bad Key", "v").build());
    assertThrows(IllegalArgumentException.class,
        () -> AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE).detail("line\nbreak", "v").build());
    assertThrows(IllegalArgumentException.class, () -> new AuditEvent(AuditEventType.LOGIN_FAILED,
        AuditOutcome.FAILURE, null, null, null, "not a code", null, null));
  }

  @Test
  void slf4jSinkWritesWithoutFailing() {
    AuditLog.slf4j().record(AuditEventType.LOGGED_OUT, AuditOutcome.SUCCESS, "r", "u", "127.0.0.1", null);
    assertEquals("bulwark.audit", AuditSink.LOGGER_NAME);
  }
}
