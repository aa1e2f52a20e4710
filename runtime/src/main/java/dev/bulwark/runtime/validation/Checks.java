package dev.bulwark.runtime.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The constraint checks generated validators call, one per jakarta.validation constraint. The generated code has
 * already turned each value into what the check needs (a length, a signum, a comparison with now), so there is no
 * reflection and no boxing here. As in Jakarta Bean Validation, {@code null} passes every check but
 * {@code @NotNull}, {@code @NotBlank} and {@code @NotEmpty}. A failing check adds its message at the value's path.
 */
public final class Checks {
  /** A length for a {@code null} value: such values pass size checks and fail not-empty checks. */
  public static final int NULL_LENGTH = -1;

  private static volatile Clock clock = Clock.systemUTC();
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private Checks() {}

  /** The clock {@code @Past} and {@code @Future} compare against. */
  public static Clock clock() {
    return clock;
  }

  /** Replaces the clock, for tests. */
  public static void useClock(Clock replacement) {
    clock = replacement;
  }

  public static void notNull(Object value, Violations v, String path, String name, int index, String message) {
    if (value == null) {
      report(v, path, name, index, message);
    }
  }

  public static void isNull(Object value, Violations v, String path, String name, int index, String message) {
    if (value != null) {
      report(v, path, name, index, message);
    }
  }

  public static void notBlank(CharSequence value, Violations v, String path, String name, int index, String message) {
    if (isBlank(value)) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @NotEmpty}: the length of a string, collection, map or array, or {@link #NULL_LENGTH}. */
  public static void notEmpty(int length, Violations v, String path, String name, int index, String message) {
    if (length <= 0) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @Size}: the length of a string, collection, map or array, or {@link #NULL_LENGTH}. */
  public static void size(int length, int min, int max, Violations v, String path, String name, int index, String message) {
    if (length != NULL_LENGTH && (length < min || length > max)) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @Min}. */
  public static void min(long value, long min, Violations v, String path, String name, int index, String message) {
    if (value < min) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @Max}. */
  public static void max(long value, long max, Violations v, String path, String name, int index, String message) {
    if (value > max) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @Min} and {@code @Max} on a BigDecimal or BigInteger (converted exactly). */
  public static void min(BigDecimal value, long min, Violations v, String path, String name, int index, String message) {
    if (value != null && value.compareTo(BigDecimal.valueOf(min)) < 0) {
      report(v, path, name, index, message);
    }
  }

  public static void max(BigDecimal value, long max, Violations v, String path, String name, int index, String message) {
    if (value != null && value.compareTo(BigDecimal.valueOf(max)) > 0) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @DecimalMin}; the bound is parsed once by the generated code. */
  public static void decimalMin(BigDecimal value, BigDecimal bound, boolean inclusive, Violations v, String path,
      String name, int index, String message) {
    if (value != null && (inclusive ? value.compareTo(bound) < 0 : value.compareTo(bound) <= 0)) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @DecimalMax}. */
  public static void decimalMax(BigDecimal value, BigDecimal bound, boolean inclusive, Violations v, String path,
      String name, int index, String message) {
    if (value != null && (inclusive ? value.compareTo(bound) > 0 : value.compareTo(bound) >= 0)) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @Digits}: at most {@code integer} integral and {@code fraction} fractional digits. */
  public static void digits(BigDecimal value, int integer, int fraction, Violations v, String path, String name,
      int index, String message) {
    if (value == null) {
      return;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    int fractionDigits = Math.max(0, stripped.scale());
    int integerDigits = Math.max(0, stripped.precision() - stripped.scale());
    if (integerDigits > integer || fractionDigits > fraction) {
      report(v, path, name, index, message);
    }
  }

  /** The sign rules of {@code @Positive}, {@code @PositiveOrZero}, {@code @Negative}, {@code @NegativeOrZero}. */
  public enum Sign { POSITIVE, POSITIVE_OR_ZERO, NEGATIVE, NEGATIVE_OR_ZERO }

  /** A sign rule, given the value's signum. */
  public static void sign(int signum, Sign rule, Violations v, String path, String name, int index, String message) {
    boolean ok = switch (rule) {
      case POSITIVE -> signum > 0;
      case POSITIVE_OR_ZERO -> signum >= 0;
      case NEGATIVE -> signum < 0;
      case NEGATIVE_OR_ZERO -> signum <= 0;
    };
    if (!ok) {
      report(v, path, name, index, message);
    }
  }

  /** The time rules of {@code @Past}, {@code @PastOrPresent}, {@code @Future}, {@code @FutureOrPresent}. */
  public enum When { PAST, PAST_OR_PRESENT, FUTURE, FUTURE_OR_PRESENT }

  /** A time rule, given the value compared with now ({@code value.compareTo(now)}). */
  public static void when(int comparedWithNow, When rule, Violations v, String path, String name, int index,
      String message) {
    boolean ok = switch (rule) {
      case PAST -> comparedWithNow < 0;
      case PAST_OR_PRESENT -> comparedWithNow <= 0;
      case FUTURE -> comparedWithNow > 0;
      case FUTURE_OR_PRESENT -> comparedWithNow >= 0;
    };
    if (!ok) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @AssertTrue} and {@code @AssertFalse}. */
  public static void bool(Boolean value, boolean expected, Violations v, String path, String name, int index,
      String message) {
    if (value != null && value != expected) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @Pattern}: the whole value must match; the pattern was compiled once and the length bounded first. */
  public static void pattern(CharSequence value, Pattern pattern, Violations v, String path, String name, int index,
      String message) {
    if (value != null && !pattern.matcher(value).matches()) {
      report(v, path, name, index, message);
    }
  }

  /** {@code @Email}: a conservative address syntax, at most 254 characters. */
  public static void email(CharSequence value, Violations v, String path, String name, int index, String message) {
    if (value != null && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
      report(v, path, name, index, message);
    }
  }

  /**
   * {@code @OutboundUrl}: a URL the server will fetch, refused when it points at loopback, private, link-local,
   * unique-local or metadata addresses (see {@code OutboundUrls}); the message is the fixed reason, never the URL.
   */
  public static void outboundUrl(String value, java.util.Set<String> schemes, int maxLength, Violations v, String path,
      String name, int index) {
    if (value != null) {
      dev.bulwark.runtime.validation.url.OutboundUrls.problem(value, schemes, maxLength)
          .ifPresent(reason -> report(v, path, name, index, reason));
    }
  }

  /** {@code @NotBlank} fails: null, empty or only whitespace. Generated validators test it and then {@link #report}. */
  public static boolean isBlank(CharSequence value) {
    if (value == null) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isWhitespace(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code @Email} fails: a value that is not a well-formed address (null passes). */
  public static boolean isNotEmail(CharSequence value) {
    return value != null && (value.length() > 254 || !EMAIL.matcher(value).matches());
  }

  /** Records a failed check at {@code path.name}, or at {@code path.name[index]} when {@code index >= 0}. */
  public static void report(Violations v, String path, String name, int index, String message) {
    if (index >= 0) {
      v.add(path, name, index, message);
    } else {
      v.add(path, name, message);
    }
  }
}
