package dev.bulwark.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * A scalar parameter type and how the generated code converts to it: a constant of the runtime's
 * {@code Converters}, or {@code Converters.enumOf(Type.class)} for an enum.
 */
public record Scalar(TypeName type, String converterConstant, boolean isEnum) {
  /** The runtime class holding the converters, named by string: the processor never links to the runtime. */
  public static final ClassName CONVERTERS = ClassName.get("dev.bulwark.runtime.bind", "Converters");
}
