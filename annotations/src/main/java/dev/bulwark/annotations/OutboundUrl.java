package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A URL the server will fetch: internal, loopback and cloud metadata targets are refused (OWASP API7, SSRF). */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.PARAMETER,
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
public @interface OutboundUrl {
  /** The allowed schemes, lower case. */
  String[] schemes() default {"http", "https"};

  /** The longest accepted URL, in characters. */
  int maxLength() default 2048;
}
