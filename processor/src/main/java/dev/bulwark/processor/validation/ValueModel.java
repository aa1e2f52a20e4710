package dev.bulwark.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * What is checked about one value (a parameter, a record component, or an element of a container): its shape, its
 * constraints, the models of its elements, the validator it cascades into, and how it is sanitized.
 */
public record ValueModel(
    TypeName type,
    Shape shape,
    List<Constraint> constraints,
    ValueModel element,
    ValueModel mapValue,
    ClassName cascade,
    boolean cascadeSanitizes,
    Sanitize sanitize) {

  public ValueModel {
    constraints = List.copyOf(constraints);
  }

  /** The kinds of value, as far as checking them is concerned. */
  public enum Shape {
    STRING, COLLECTION, MAP, ARRAY, OPTIONAL, INTEGRAL, FLOATING, BIG_DECIMAL, BIG_INTEGER, BOOLEAN, INSTANT_LIKE,
    OFFSET_TIME, LOCAL_DATE, LOCAL_DATE_TIME, LOCAL_TIME, YEAR, YEAR_MONTH, OTHER;

    boolean sized() {
      return this == STRING || this == COLLECTION || this == MAP || this == ARRAY;
    }

    boolean numeric() {
      return this == INTEGRAL || this == FLOATING || this == BIG_DECIMAL || this == BIG_INTEGER;
    }

    boolean temporal() {
      return this == INSTANT_LIKE || this == OFFSET_TIME || this == LOCAL_DATE || this == LOCAL_DATE_TIME
          || this == LOCAL_TIME || this == YEAR || this == YEAR_MONTH;
    }
  }

  /** {@code @Sanitize}: the policy name (TEXT, BASIC_HTML, CUSTOM), the custom policy's name, and the mode. */
  public record Sanitize(String policy, String custom, String mode) {}

  /** Whether anything at all is checked or changed here or below. */
  public boolean hasWork() {
    return !constraints.isEmpty() || cascade != null || sanitize != null
        || (element != null && element.hasWork()) || (mapValue != null && mapValue.hasWork());
  }

  /** Whether a sanitize step applies here or below. */
  public boolean sanitizes() {
    return sanitize != null || cascadeSanitizes || (element != null && element.sanitizes());
  }
}
