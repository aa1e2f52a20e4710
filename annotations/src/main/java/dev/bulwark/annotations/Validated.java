package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record whose jakarta.validation constraints Bulwark compiles into a validator ({@code <Record>_Validator}).
 * A body type with constraints must carry it, so that no constraint is ever silently ignored.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Validated {}
