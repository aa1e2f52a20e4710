package dev.bulwark.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.bulwark.runtime.http.HttpProblem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  record Item(String name, int count, Optional<LocalDate> due) {}

  static class Base {
    public String visible = "v";
  }

  static final class Leaky extends Base {
    public String secret = "s";
  }

  private final JsonBodyReader<Item> reader = Json.reader(Item.class);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsRecordsWithJavaTime() {
    assertEquals(new Item("a", 2, Optional.of(LocalDate.of(2026, 1, 2))),
        reader.read(utf8("{\"name\":\"a\",\"count\":2,\"due\":\"2026-01-02\"}")));
    assertEquals(List.of(new Item("a", 1, Optional.empty())),
        Json.reader(new TypeReference<List<Item>>() {}).read(utf8("[{\"name\":\"a\",\"count\":1}]")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"name\":\"a\",\"count\":1,\"x\":1}",
      "{\"name\":\"a\",\"name\":\"b\",\"count\":1}",
      "{\"name\":\"a\",\"count\":\"1\"}",
      "{\"name\":1,\"count\":1}",
      "{\"name\":\"a\",\"count\":null}",
      "{\"name\":\"a\",\"count\":1.5}",
      "{\"name\":\"a\",\"count\":1} 1",
      "{\"name\":\"a\",\"count\":1,\"due\":\"tomorrow\"}",
      "null",
      "",
      "{"})
  void refusesLenientReadings(String body) {
    HttpProblem p = assertThrows(HttpProblem.class, () -> reader.read(utf8(body)));
    assertEquals(400, p.status());
  }

  @Test
  void depthAndNumberLimits() {
    JsonBodyReader<Object> any = Json.reader(Object.class);
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
    assertEquals("body", assertThrows(HttpProblem.class, () -> any.read(utf8(deep))).errors().get(0).field());
    assertThrows(HttpProblem.class, () -> any.read(utf8("1" + "0".repeat(Json.MAX_NUMBER_LENGTH + 1))));
    any.read(utf8("[".repeat(Json.MAX_NESTING_DEPTH - 1) + "]".repeat(Json.MAX_NESTING_DEPTH - 1)));
  }

  @Test
  void unknownPropertyNamesTheObjectNotTheProperty() {
    HttpProblem p = assertThrows(HttpProblem.class,
        () -> Json.reader(new TypeReference<List<Item>>() {}).read(utf8("[{\"name\":\"a\",\"count\":1,\"isAdmin\":true}]")));
    assertEquals("body[0]", p.errors().get(0).field());
  }

  @Test
  void writesOnlyTheDeclaredType() {
    String out = new String(Json.writer(Base.class).write(new Leaky()), StandardCharsets.UTF_8);
    assertEquals("{\"visible\":\"v\"}", out);
    assertEquals("{\"name\":\"a\",\"count\":1,\"due\":\"2026-01-02\"}",
        new String(Json.writer(Item.class).write(new Item("a", 1, Optional.of(LocalDate.of(2026, 1, 2)))), StandardCharsets.UTF_8));
  }
}
