package dev.bulwark.processor.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The processor's JSON writer, checked against Jackson's parser. */
class JsonTextTest {
  @ParameterizedTest
  @ValueSource(strings = {"plain", "quote \" and backslash \\", "new\nline\r\ttab\b\f", "\u0000\u0001\u001f\u007f",
      "line separators \u2028 \u2029", "</script><!--", "emoji \ud83d\udd12 and accents é ü", "{\"a\":1}", ""})
  void stringsSurviveARoundTrip(String text) throws Exception {
    String json = JsonText.write(Map.of("k", text, text, List.of(text)));
    JsonNode parsed = Fixtures.JSON.readTree(json);
    assertEquals(text, parsed.get("k").asText());
    assertEquals(text, parsed.get(text).get(0).asText());
  }

  @Test
  void controlAndSeparatorCharactersAreEscapedNotWrittenRaw() {
    String json = JsonText.write(List.of("\u0001\u2028\u007f"));
    assertFalse(json.contains("\u0001") || json.contains("\u2028") || json.contains("\u007f"), json);
    assertEquals("[\n  \"\\u0001\\u2028\\u007f\"\n]\n", json);
  }

  @Test
  void aLoneSurrogateIsEscapedSoTheUtf8OutputStaysValid() throws Exception {
    String json = JsonText.write(List.of("a\ud800b"));
    assertEquals("[\n  \"a\\ud800b\"\n]\n", json);
  }

  @Test
  void keysAreSortedWhateverTheMapOrder() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("b", 1);
    first.put("a", Map.of("z", true, "y", false));
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("a", Map.of("y", false, "z", true));
    second.put("b", 1);
    assertEquals(JsonText.write(first), JsonText.write(second));
    assertEquals("{\n  \"a\": {\n    \"y\": false,\n    \"z\": true\n  },\n  \"b\": 1\n}\n", JsonText.write(first));
  }

  @Test
  void numbersNullsAndEmptyContainers() throws Exception {
    List<Object> values = new ArrayList<>(Arrays.asList(1, 2L, new BigDecimal("999.99"), null, List.of(), Map.of()));
    JsonNode parsed = Fixtures.JSON.readTree(JsonText.write(values));
    assertEquals("[1,2,999.99,null,[],{}]", parsed.toString());
  }

  @Test
  void schemaReferencesAreNamedByTheCaller() throws Exception {
    String json = JsonText.write(Map.of("$ref", new SchemaRef("a.b.Book")), q -> q.substring(q.lastIndexOf('.') + 1));
    assertEquals("#/components/schemas/Book", Fixtures.JSON.readTree(json).at("/$ref").asText());
    assertThrows(IllegalArgumentException.class, () -> JsonText.write(new SchemaRef("x")));
  }

  @Test
  void anythingElseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> JsonText.write(List.of(new Object())));
    assertThrows(IllegalArgumentException.class, () -> JsonText.write(List.of(1.5d)));
  }
}
