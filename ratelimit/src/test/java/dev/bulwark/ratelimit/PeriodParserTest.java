package dev.bulwark.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodParserTest {

  @ParameterizedTest
  @CsvSource({"15m,PT15M", "1h,PT1H", "30s,PT30S", "1d,PT24H", "500ms,PT0.5S", "366d,PT8784H", "90s,PT1M30S"})
  void parsesGoodPeriods(String text, String expected) {
    assertEquals(Duration.parse(expected), PeriodParser.parse(text));
    assertTrue(PeriodParser.problem(text).isEmpty());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"0s", "015m", "-1m", "1.5h", "1h30m", "15", "m", "15M", "15 m", " 15m", "15m ", "1w",
      "1y", "367d", "9999999999s", "1e3s", "+1s", "１s", "15min", "0ms"})
  void rejectsBadPeriodsWithTheValueInTheMessage(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeriodParser.parse(text));
    assertTrue(PeriodParser.problem(text).isPresent());
    if (text != null && !text.isEmpty() && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }
  }

  @Test
  void formatIsTheInverseOfParse() {
    for (String text : new String[] {"15m", "1h", "30s", "1d", "500ms", "1500ms", "90s"}) {
      assertEquals(text, PeriodParser.format(PeriodParser.parse(text)));
    }
  }

  @Test
  void limitSpecRejectsBadConfigurationWithAFix() {
    assertThrows(IllegalArgumentException.class, () -> LimitSpec.of("x", 0, "1m"));
    assertThrows(IllegalArgumentException.class, () -> LimitSpec.of("has space", 1, "1m"));
    assertThrows(IllegalArgumentException.class, () -> LimitSpec.of("x", 2_000, "1ms"));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> LimitSpec.builder("x").limit(1, "1m").limit(2, "60s").build());
    assertTrue(twice.getMessage().contains("1m"), twice.getMessage());
    LimitSpec ok = LimitSpec.builder("login").limit(5, "1m").limit(20, "1h").build();
    assertEquals("login.1m", ok.policyId(0));
    assertEquals("5g1m+20g1h", ok.fingerprint());
    assertEquals(Duration.ofHours(1), ok.longestPeriod());
  }
}
