package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Maps a method to HTTP {@code PUT} on a path template relative to the interface's {@link HttpApi} base. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PUT {
  /** The path template, such as {@code "/{id}"}; {@code ""} for the base path itself. */
  String value() default "";
}
