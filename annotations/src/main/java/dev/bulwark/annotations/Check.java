package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An application-defined constraint: the value must satisfy {@link #value()}, a class implementing
 * {@code dev.bulwark.runtime.validation.CustomCheck<T>} for the value's type, with a public no-argument constructor.
 * The generated validator creates one instance and calls it directly; null values are not passed to it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Check {
  /** The check to run. */
  Class<?> value();

  /** What the client is told when the check fails; never the value. */
  String message() default "is not valid";
}
