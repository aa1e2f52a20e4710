package dev.bulwark.runtime.bind;

import dev.bulwark.runtime.http.HttpProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parameter binding for generated handlers. A parameter is required unless it is declared {@code Optional} (or is a
 * {@code List}, which may be empty). A missing or unconvertible value is a 400 that names the parameter
 * ({@code query.limit}) and never echoes what was sent.
 */
public final class Params {
  /** How many values a repeated query parameter accepts unless the endpoint declares its own bound. */
  public static final int MAX_LIST_ITEMS = 100;

  private Params() {}

  /** A required value of any supported type. */
  public static <T> T required(String raw, String field, Converter<T> converter) {
    if (raw == null) {
      throw HttpProblem.badField(field, "is required");
    }
    return convert(raw, field, converter);
  }

  /** An optional value: empty when absent, a 400 when present but unconvertible. */
  public static <T> Optional<T> optional(String raw, String field, Converter<T> converter) {
    return raw == null ? Optional.empty() : Optional.of(convert(raw, field, converter));
  }

  /** Every value of a repeated parameter, converted; {@code maxItems} bounds how many are accepted. */
  public static <T> List<T> list(List<String> raws, String field, Converter<T> converter, int maxItems) {
    if (raws.size() > maxItems) {
      throw HttpProblem.badField(field, "has more than " + maxItems + " values");
    }
    List<T> out = new ArrayList<>(raws.size());
    for (String raw : raws) {
      out.add(convert(raw, field, converter));
    }
    return List.copyOf(out);
  }

  /** A required {@code int}, without boxing. */
  public static int intValue(String raw, String field) {
    return required(raw, field, Converters.INTEGER);
  }

  /** A required {@code long}, without boxing. */
  public static long longValue(String raw, String field) {
    return required(raw, field, Converters.LONG);
  }

  /** A required {@code boolean}. */
  public static boolean booleanValue(String raw, String field) {
    if (raw == null) {
      throw HttpProblem.badField(field, "is required");
    }
    try {
      return Converters.parseBoolean(raw);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badField(field, "must be true or false");
    }
  }

  private static <T> T convert(String raw, String field, Converter<T> converter) {
    try {
      return converter.convert(raw);
    } catch (RuntimeException e) {
      throw HttpProblem.badField(field, "is not a valid value");
    }
  }
}
