package dev.bulwark.runtime.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bulwark.runtime.http.HttpProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindingTest {
  enum Color { RED, GREEN }

  @Test
  void queryStringParsesAndDecodes() {
    QueryString q = QueryString.parse("a=1&b=x%20y+z&a=2&empty=&flag&&c=%2B", 10);
    assertEquals(List.of("1", "2"), q.all("a"));
    assertEquals("x y z", q.single("b"));
    assertEquals("", q.single("empty"));
    assertEquals("", q.single("flag"));
    assertEquals("+", q.single("c"));
    assertEquals(List.of(), q.all("missing"));
    assertEquals(null, q.single("missing"));
  }

  @Test
  void parameterPollutionIs400() {
    HttpProblem p = assertThrows(HttpProblem.class, () -> QueryString.parse("id=1&id=2", 10).single("id"));
    assertEquals("query.id", p.errors().get(0).field());
  }

  @Test
  void queryParameterCountIsBounded() {
    assertThrows(HttpProblem.class, () -> QueryString.parse("a=1&b=2&c=3", 2));
  }

  @ParameterizedTest
  // "%٤١" and "%４１": Arabic-Indic and full-width digits are no hex digits, though Character.digit says they are.
  @ValueSource(strings = {"%", "%4", "%zz", "%C3", "%FF", "%C3%28", "é", "%\u0664\u0661", "%\uFF14\uFF11"})
  void strictPercentDecoding(String raw) {
    assertThrows(IllegalArgumentException.class, () -> PercentDecoding.decodeQuery(raw));
    assertThrows(IllegalArgumentException.class, () -> PercentDecoding.decodePath(raw));
  }

  @Test
  void plusIsOnlyASpaceInQueries() {
    assertEquals("a+b", PercentDecoding.decodePath("a+b"));
    assertEquals("a b", PercentDecoding.decodeQuery("a+b"));
    assertEquals("é/", PercentDecoding.decodePath("%C3%A9%2F"));
  }

  @Test
  void convertersAreStrict() {
    assertEquals(42, Converters.INTEGER.convert("42"));
    assertEquals(-7L, Converters.LONG.convert("-7"));
    assertEquals(new BigDecimal("1.50"), Converters.BIG_DECIMAL.convert("1.50"));
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), Converters.INSTANT.convert("2026-01-01T00:00:00Z"));
    assertEquals(Color.GREEN, Converters.enumOf(Color.class).convert("GREEN"));
    UUID u = UUID.randomUUID();
    assertEquals(u, Converters.UUID_VALUE.convert(u.toString()));
    for (String bad : new String[] {" 1", "1 ", "1.0", "0x10", "", "1".repeat(65)}) {
      assertThrows(RuntimeException.class, () -> Converters.INTEGER.convert(bad), bad);
    }
    for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "1e999", "0x1p3", "1d"}) {
      assertThrows(RuntimeException.class, () -> Converters.DOUBLE.convert(bad), bad);
    }
    for (String bad : new String[] {"True", "1", "yes", ""}) {
      assertThrows(RuntimeException.class, () -> Converters.BOOLEAN.convert(bad), bad);
    }
    assertThrows(RuntimeException.class, () -> Converters.UUID_VALUE.convert("1-1-1-1-1"));
    assertThrows(RuntimeException.class, () -> Converters.enumOf(Color.class).convert("red"));
    assertThrows(RuntimeException.class, () -> Converters.CHARACTER.convert("ab"));
  }

  @Test
  void paramsNameTheFieldAndNeverTheValue() {
    HttpProblem p = assertThrows(HttpProblem.class, () -> Params.intValue("<script>", "query.limit"));
    assertEquals("query.limit", p.errors().get(0).field());
    assertFalse(p.errors().get(0).message().contains("script"));
    assertEquals("is required", assertThrows(HttpProblem.class, () -> Params.longValue(null, "path.id")).errors().get(0).message());
    assertEquals(Optional.empty(), Params.optional(null, "q", Converters.STRING));
    assertEquals(Optional.of(3), Params.optional("3", "q", Converters.INTEGER));
    assertEquals(List.of(1, 2), Params.list(List.of("1", "2"), "q", Converters.INTEGER, 2));
    assertThrows(HttpProblem.class, () -> Params.list(List.of("1", "2", "3"), "q", Converters.INTEGER, 2));
    assertThrows(HttpProblem.class, () -> Params.booleanValue("TRUE", "q"));
  }
}
