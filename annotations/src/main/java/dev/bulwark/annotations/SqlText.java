package dev.bulwark.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The fixed SQL an enum constant stands for in a <code>${placeholder}</code>, such as {@code "created_at DESC"}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface SqlText {
  /** Column names, optionally qualified, each optionally followed by ASC or DESC, separated by commas. */
  String value();
}
