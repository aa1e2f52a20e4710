package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Sanitizes an untrusted string with an HTML policy (or, in {@link Mode#REJECT}, refuses one it would change). */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.PARAMETER,
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
public @interface Sanitize {
  /** The policy to apply; {@link Policy#TEXT} (no markup at all) unless the field is meant to carry markup. */
  Policy value() default Policy.TEXT;

  /** The name of a custom policy registered at start; required with, and only with, {@link Policy#CUSTOM}. */
  String custom() default "";

  /** Whether to clean the value or to refuse a value that cleaning would change. */
  Mode mode() default Mode.CLEAN;

  /** The sanitizing policies Bulwark ships. */
  enum Policy {
    /** No markup survives: tags are removed and the remaining text is HTML-escaped. */
    TEXT,
    /** A small formatting subset (b, i, em, strong, p, br, lists, code, pre, blockquote, safe links). */
    BASIC_HTML,
    /** An application policy registered by name with {@code Sanitizers.register}. */
    CUSTOM
  }

  /** What to do with a value that the policy would change. */
  enum Mode {
    /** Replace the value with its sanitized form. */
    CLEAN,
    /** Refuse the request with a 400 problem when sanitizing would change the value. */
    REJECT
  }
}
