package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is open to anonymous callers, for the written reason. On an interface it is the default for its
 * endpoints; on a method it replaces the interface's decision.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {
  /** Why anonymous access is right here; shown in the security inventory. Must not be blank. */
  String reason();
}
