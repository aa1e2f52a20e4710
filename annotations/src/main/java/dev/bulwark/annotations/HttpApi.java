package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an interface whose methods are HTTP endpoints under a common base path, such as {@code "/api/posts"}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HttpApi {
  /** The base path every endpoint's template is appended to; {@code ""} or {@code "/"} for the root. */
  String value() default "";
}
