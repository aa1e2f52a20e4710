package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint needs an authenticated caller with one of the roles (and every permission). On an interface it is the
 * default for its endpoints; on a method it replaces the interface's decision entirely (roles are never merged).
 * Roles and permissions must be constants of the enums named by {@link HttpApi#roles()} and
 * {@link HttpApi#permissions()}, so a misspelt role does not compile.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Secured {
  /** The caller needs at least one of these roles. At least one is required. */
  String[] roles() default {};

  /** The caller needs every one of these permissions (token scopes or API key scopes). */
  String[] permissions() default {};

  /**
   * An object-level check run after binding and before the implementation: a class implementing
   * {@code dev.bulwark.runtime.security.Ownership<ID>}, where {@code ID} is the type of the path parameter named by
   * {@link #ownerParam()}. The generated routes take an instance of it in their constructor.
   */
  Class<?> owner() default void.class;

  /** The path parameter that identifies the object the caller must own. */
  String ownerParam() default "id";

  /** What a caller who is not the owner gets: 404 by default, so the object's existence is not revealed. */
  NotOwner notOwner() default NotOwner.NOT_FOUND;

  /** Which credentials the endpoint accepts; a Bearer JWT by default. */
  Scheme[] schemes() default {Scheme.BEARER};
}
