package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A response component whose name sounds secret ({@code token}, {@code secret}, {@code apiKey}...) but that the
 * endpoint means to return, with the written reason: an access token issued at login, a key shown once.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface NotSensitive {
  /** Why returning it is right; must not be blank. */
  String reason();
}
