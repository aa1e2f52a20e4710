package dev.bulwark.processor.validation;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** A {@code @Validated} record: its components in declaration order, and the validator class written for it. */
public record ValidatedType(ClassName type, List<Component> components) {
  public ValidatedType {
    components = List.copyOf(components);
  }

  /** {@code <Record>_Validator} beside the record. */
  public ClassName validatorName() {
    return validatorOf(type);
  }

  /** The validator class of any validated type. */
  public static ClassName validatorOf(ClassName type) {
    return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + "_Validator");
  }

  /** Whether any component is sanitized, so the validator also offers {@code sanitize}. */
  public boolean sanitizes() {
    return components.stream().anyMatch(c -> c.value().sanitize() != null);
  }

  /** One record component. */
  public record Component(String name, ValueModel value) {}
}
