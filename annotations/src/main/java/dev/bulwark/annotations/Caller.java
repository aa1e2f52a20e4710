package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the authenticated caller, a {@code dev.bulwark.auth.Principal}. On a {@link Public} endpoint the parameter
 * must be {@code Optional<Principal>}: empty for an anonymous caller.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Caller {}
