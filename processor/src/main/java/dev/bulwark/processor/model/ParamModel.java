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
    Arity arity,
    dev.bulwark.processor.validation.ValueModel validation) {

  /** A parameter without checks yet; the endpoint reader adds them. */
  public ParamModel(String name, TypeName type, ParamSource source, String key, Scalar scalar, Arity arity) {
    this(name, type, source, key, scalar, arity, null);
  }

  /** This parameter with its checks. */
  public ParamModel withValidation(dev.bulwark.processor.validation.ValueModel value) {
    return new ParamModel(name, type, source, key, scalar, arity, value);
  }

  /** How many values the parameter takes. */
  public enum Arity { REQUIRED, OPTIONAL, LIST }

  /** The field path used in 400 responses: {@code query.limit}, {@code path.id}, {@code body}. */
  public String fieldPath() {
    return source == ParamSource.BODY ? "body" : source.fieldPrefix() + "." + key;
  }
}
