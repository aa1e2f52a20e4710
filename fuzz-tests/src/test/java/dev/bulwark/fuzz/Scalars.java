package dev.bulwark.fuzz;

import dev.bulwark.runtime.bind.Converter;
import dev.bulwark.runtime.bind.Converters;
import java.util.List;
import java.util.function.Function;

/** Every scalar converter with the canonical text of a converted value, for round trips. */
final class Scalars {
  /** An enum for {@code Converters.enumOf}: exact constant names only. */
  enum Color { red, GREEN, Blue }

  /** One converter and how to write its values back as text. */
  record Kind<T>(String name, Converter<T> converter, Function<T, String> text) {
    @SuppressWarnings("unchecked")
    String canonical(Object value) {
      return text.apply((T) value);
    }
  }

  static final List<Kind<?>> KINDS = List.of(
      new Kind<>("String", Converters.STRING, s -> s),
      new Kind<>("int", Converters.INTEGER, String::valueOf),
      new Kind<>("long", Converters.LONG, String::valueOf),
      new Kind<>("short", Converters.SHORT, String::valueOf),
      new Kind<>("byte", Converters.BYTE, String::valueOf),
      new Kind<>("double", Converters.DOUBLE, String::valueOf),
      new Kind<>("float", Converters.FLOAT, String::valueOf),
      new Kind<>("boolean", Converters.BOOLEAN, String::valueOf),
      new Kind<>("char", Converters.CHARACTER, String::valueOf),
      new Kind<>("BigDecimal", Converters.BIG_DECIMAL, java.math.BigDecimal::toString),
      new Kind<>("UUID", Converters.UUID_VALUE, java.util.UUID::toString),
      new Kind<>("Instant", Converters.INSTANT, java.time.Instant::toString),
      new Kind<>("LocalDate", Converters.LOCAL_DATE, java.time.LocalDate::toString),
      new Kind<>("LocalTime", Converters.LOCAL_TIME, java.time.LocalTime::toString),
      new Kind<>("LocalDateTime", Converters.LOCAL_DATE_TIME, java.time.LocalDateTime::toString),
      new Kind<>("OffsetDateTime", Converters.OFFSET_DATE_TIME, java.time.OffsetDateTime::toString),
      new Kind<>("ZonedDateTime", Converters.ZONED_DATE_TIME, java.time.ZonedDateTime::toString),
      new Kind<>("Duration", Converters.DURATION, java.time.Duration::toString),
      new Kind<>("enum", Converters.enumOf(Color.class), Color::name));

  private Scalars() {}
}
