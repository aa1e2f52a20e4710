package dev.bulwark.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.http.Problems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The problem writer ({@link Problems#body}) on arbitrary statuses, request ids and field errors, through
 * {@link HttpProblem}. The body must be well-formed UTF-8 and exactly one strict JSON object (no duplicate key, no
 * trailing bytes) with only the RFC 9457 members we send; the title is one of the fixed titles, never input; what
 * a client reads back is exactly what the writer was given (unpaired surrogates, which UTF-8 cannot carry, become
 * {@code ?}); and no raw {@code <}, {@code >}, {@code &}, C0 control character or U+2028/U+2029 is ever written, so the
 * body is inert when sniffed as HTML or embedded in a script.
 */
final class ProblemWriterFuzzTest {
  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Set<String> TITLES = Set.of("Bad Request", "Unauthorized", "Forbidden", "Not Found",
      "Method Not Allowed", "Not Acceptable", "Request Timeout", "Conflict", "Content Too Large",
      "Unsupported Media Type", "Unprocessable Content", "Too Many Requests", "Request Header Fields Too Large",
      "Internal Server Error", "Service Unavailable", "Server Error", "Client Error");

  @FuzzTest(maxDuration = "30s")
  void problemBody(FuzzedDataProvider data) throws IOException {
    int status = data.consumeInt(100, 599);
    String requestId = data.consumeString(64);
    int count = data.consumeInt(0, 4);
    List<HttpProblem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      errors.add(new HttpProblem.FieldError(data.consumeString(80), data.consumeString(120)));
    }
    HttpProblem problem = (errors.isEmpty() ? HttpProblem.of(status, "detail") : HttpProblem.badRequest(errors, "detail"))
        .withHeader("Allow", "GET");
    int sent = errors.isEmpty() ? status : 400;
    assertEquals(sent, problem.status());
    assertEquals(errors, problem.errors(), "withHeader lost the field errors");

    byte[] body = Problems.body(problem.status(), requestId, problem.errors());
    String text = strictUtf8(body);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // JSON itself needs only C0 controls escaped; < > & and U+2028/U+2029 are escaped so the body stays inert in HTML
      // and in a script. DEL and C1 controls are legal raw JSON, and the writer leaves them.
      assertFalse(c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029,
          "a raw " + Integer.toHexString(c) + " in a problem body");
    }
    JsonNode node = STRICT.readTree(body);
    assertTrue(node.isObject(), "a problem body that is not an object");
    Set<String> members = new TreeSet<>();
    node.fieldNames().forEachRemaining(members::add);
    assertEquals(errors.isEmpty() ? Set.of("requestId", "status", "title", "type")
        : Set.of("errors", "requestId", "status", "title", "type"), members);
    assertEquals("about:blank", node.get("type").textValue());
    assertEquals(Problems.title(sent), node.get("title").textValue());
    assertTrue(TITLES.contains(node.get("title").textValue()), "a title that is not one of the fixed titles");
    assertEquals(sent, node.get("status").intValue());
    assertTrue(node.get("status").isInt());
    assertEquals(asSent(requestId), node.get("requestId").textValue());
    if (!errors.isEmpty()) {
      JsonNode list = node.get("errors");
      assertEquals(errors.size(), list.size());
      for (int i = 0; i < errors.size(); i++) {
        assertEquals(Set.of("field", "message"), fieldNames(list.get(i)));
        assertEquals(asSent(errors.get(i).field()), list.get(i).get("field").textValue());
        assertEquals(asSent(errors.get(i).message()), list.get(i).get("message").textValue());
      }
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A string as it survives UTF-8: an unpaired surrogate becomes '?'. */
  private static String asSent(String value) {
    return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("a problem body that is not well-formed UTF-8", e);
    }
  }
}
