package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One SQL statement run through a {@code PreparedStatement}: {@code :name} and {@code :param.component} are binds,
 * <code>${name}</code> is an identifier taken only from an enum parameter's fixed {@link SqlText}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Sql {
  /** The statement, such as {@code "SELECT id, title FROM posts WHERE id = :id"}. */
  String value();
}
