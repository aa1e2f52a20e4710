package dev.bulwark.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One parameter: its Java name and declared type, its source and key (the variable, query or header name), and for
 * non-body parameters the scalar it converts to and whether it is required, optional or repeated.
 */
public record ParamModel(
    String name,
    TypeName type,
    ParamSource source,
    String key,
    Scalar scalar,
    Arity arity) {

  /** How many values the parameter takes. */
  public enum Arity { REQUIRED, OPTIONAL, LIST }

  /** The field path used in 400 responses: {@code query.limit}, {@code path.id}, {@code body}. */
  public String fieldPath() {
    return source == ParamSource.BODY ? "body" : source.fieldPrefix() + "." + key;
  }
}
