package dev.bulwark.runtime.bind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import dev.bulwark.runtime.validation.text.Texts;

/**
 * The converters for every supported parameter type. Parsing is the JDK's own (ISO-8601 for {@code java.time}, the
 * canonical form for UUID), strict: no trimming, no locale, booleans only as {@code true} or {@code false}; text is
 * normalized to NFC and refused when it carries control characters.
 */
public final class Converters {
  /** The longest raw value any converter looks at; longer input is refused before parsing. */
  static final int MAX_SCALAR_LENGTH = 64;

  /** Text, normalized as every text input is (NFC; control characters, lone surrogates, noncharacters refused). */
  public static final Converter<String> STRING = raw -> Texts.normalize(raw, false);
  public static final Converter<Integer> INTEGER = raw -> Integer.valueOf(Integer.parseInt(bounded(raw)));
  public static final Converter<Long> LONG = raw -> Long.valueOf(Long.parseLong(bounded(raw)));
  public static final Converter<Short> SHORT = raw -> Short.valueOf(Short.parseShort(bounded(raw)));
  public static final Converter<Byte> BYTE = raw -> Byte.valueOf(Byte.parseByte(bounded(raw)));
  public static final Converter<Double> DOUBLE = raw -> Double.valueOf(finite(Double.parseDouble(plainNumber(raw))));
  public static final Converter<Float> FLOAT = raw -> Float.valueOf((float) finite(Float.parseFloat(plainNumber(raw))));
  public static final Converter<Boolean> BOOLEAN = Converters::parseBoolean;
  public static final Converter<Character> CHARACTER = Converters::parseChar;
  public static final Converter<BigDecimal> BIG_DECIMAL = raw -> new BigDecimal(plainNumber(raw));
  public static final Converter<UUID> UUID_VALUE = Converters::parseUuid;
  public static final Converter<Instant> INSTANT = raw -> Instant.parse(bounded(raw));
  public static final Converter<LocalDate> LOCAL_DATE = raw -> LocalDate.parse(bounded(raw));
  public static final Converter<LocalTime> LOCAL_TIME = raw -> LocalTime.parse(bounded(raw));
  public static final Converter<LocalDateTime> LOCAL_DATE_TIME = raw -> LocalDateTime.parse(bounded(raw));
  public static final Converter<OffsetDateTime> OFFSET_DATE_TIME = raw -> OffsetDateTime.parse(bounded(raw));
  public static final Converter<ZonedDateTime> ZONED_DATE_TIME = raw -> ZonedDateTime.parse(bounded(raw));
  public static final Converter<Duration> DURATION = raw -> Duration.parse(bounded(raw));

  private Converters() {}

  /** A converter to the enum constant with exactly that name. */
  public static <E extends Enum<E>> Converter<E> enumOf(Class<E> type) {
    return raw -> Enum.valueOf(type, bounded(raw));
  }

  static boolean parseBoolean(String raw) {
    return switch (raw) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  static char parseChar(String raw) {
    if (raw.length() != 1) {
      throw new IllegalArgumentException("not one character");
    }
    return raw.charAt(0);
  }

  private static UUID parseUuid(String raw) {
    UUID uuid = UUID.fromString(bounded(raw));
    // UUID.fromString accepts short groups such as 1-1-1-1-1; only the canonical 36-character form is a UUID here.
    if (raw.length() != 36 || !uuid.toString().equalsIgnoreCase(raw)) {
      throw new IllegalArgumentException("not a canonical UUID");
    }
    return uuid;
  }

  private static String bounded(String raw) {
    if (raw.length() > MAX_SCALAR_LENGTH) {
      throw new IllegalArgumentException("too long");
    }
    return raw;
  }

  private static String plainNumber(String raw) {
    bounded(raw);
    // Double.parseDouble also takes "NaN", "Infinity", hex floats and a trailing d or f; a number here is decimal.
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
        throw new IllegalArgumentException("not a decimal number");
      }
    }
    return raw;
  }

  private static double finite(double value) {
    if (Double.isInfinite(value) || Double.isNaN(value)) {
      throw new IllegalArgumentException("out of range");
    }
    return value;
  }
}
