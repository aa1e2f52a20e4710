package dev.bulwark.ratelimit;

import java.time.Duration;
import java.util.Optional;

/**
 * Parses rate-limit periods such as {@code "15m"}, {@code "1h"}, {@code "30s"}, {@code "1d"} or {@code "500ms"}.
 *
 * <p>This class has no dependencies on purpose: the annotation processor applies the same rules at compile
 * time through {@link #problem(String)}, so a period that compiles is a period that runs.
 */
public final class PeriodParser {

  /** The longest period accepted: a year and a day, long enough for any quota and far from overflow. */
  public static final Duration MAX_PERIOD = Duration.ofDays(366);

  private static final int MAX_DIGITS = 9;

  private PeriodParser() {}

  /**
   * Parses a period.
   *
   * @throws IllegalArgumentException with a message that names the value and says what to write instead
   */
  public static Duration parse(String text) {
    Optional<String> problem = problem(text);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    return unchecked(text);
  }

  /** Returns the reason {@code text} is not a valid period, or empty when it is one. Never throws. */
  public static Optional<String> problem(String text) {
    if (text == null) {
      return Optional.of("period is missing; write a whole number and a unit, like \"15m\"");
    }
    int digits = 0;
    while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
      digits++;
    }
    String unit = text.substring(digits);
    if (digits == 0 || !isUnit(unit)) {
      return Optional.of("period \"" + printable(text) + "\" does not parse; write a whole number followed by "
          + "one of ms, s, m, h, d, like \"15m\", \"1h\" or \"500ms\"");
    }
    if (text.charAt(0) == '0') {
      return Optional.of("period \"" + printable(text) + "\" must be a positive number without leading zeros, "
          + "like \"15m\"");
    }
    if (digits > MAX_DIGITS || unchecked(text).compareTo(MAX_PERIOD) > 0) {
      return Optional.of("period \"" + printable(text) + "\" is longer than the maximum of 366d");
    }
    return Optional.empty();
  }

  /**
   * Formats a duration in the shortest unit that expresses it exactly, the inverse of {@link #parse(String)}:
   * 900 seconds become {@code "15m"}, 1.5 seconds {@code "1500ms"}.
   */
  public static String format(Duration period) {
    long millis = period.toMillis();
    if (millis % 86_400_000L == 0) {
      return millis / 86_400_000L + "d";
    }
    if (millis % 3_600_000L == 0) {
      return millis / 3_600_000L + "h";
    }
    if (millis % 60_000L == 0) {
      return millis / 60_000L + "m";
    }
    if (millis % 1_000L == 0) {
      return millis / 1_000L + "s";
    }
    return millis + "ms";
  }

  private static boolean isUnit(String unit) {
    return switch (unit) {
      case "ms", "s", "m", "h", "d" -> true;
      default -> false;
    };
  }

  // Only called once the text is known to be digits (at most MAX_DIGITS of them) and a known unit.
  private static Duration unchecked(String text) {
    int split = text.endsWith("ms") ? text.length() - 2 : text.length() - 1;
    long amount = Long.parseLong(text.substring(0, split));
    return switch (text.substring(split)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  // A period comes from source code, but keep the message one line and bounded in case it does not.
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 40; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f && c != '"' ? c : '?');
    }
    return text.length() > 40 ? out + "..." : out.toString();
  }
}
