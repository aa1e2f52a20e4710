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

  /**
   * The application's role set: an enum whose constant names are the only roles {@link Secured#roles()} may name.
   * Required once any endpoint of the interface is {@link Secured}.
   */
  Class<? extends Enum<?>> roles() default NoRoles.class;

  /** The application's permission set: an enum whose constants are the only permissions {@link Secured} may name. */
  Class<? extends Enum<?>> permissions() default NoRoles.class;

  /** The default for {@link #roles()} and {@link #permissions()}: no set declared. */
  enum NoRoles {}
}
