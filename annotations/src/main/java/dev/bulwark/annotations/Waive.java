package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Waives one Bulwark rule on exactly this element, for the written reason. The build prints every waiver as a note;
 * a waiver of an unknown rule, of a rule that cannot be waived, with a blank reason, or that waives nothing is an
 * error. The rule catalogue says which rules can be waived.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Repeatable(Waive.List.class)
public @interface Waive {
  /** The rule id, such as {@code "BW204"}. */
  String rule();

  /** Why the rule does not apply here; must not be blank. */
  String reason();

  /** Several waivers on one element. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
  @interface List {
    /** The waivers. */
    Waive[] value();
  }
}
