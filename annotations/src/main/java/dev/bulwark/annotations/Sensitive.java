package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value that must never leave the server: no endpoint may return a type that carries it (however deep), and its
 * record must override {@code toString} so logs cannot print it. A request type may carry it only when
 * {@link #input()} says the request is where it comes from (a login's password).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Sensitive {
  /** True when clients send this value (a password at login); it still never appears in a response. */
  boolean input() default false;
}
