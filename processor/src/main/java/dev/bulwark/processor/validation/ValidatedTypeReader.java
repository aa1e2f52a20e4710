package dev.bulwark.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/** Reads a {@code @Validated} record into a {@link ValidatedType}, or reports why it cannot be validated. */
public final class ValidatedTypeReader {
  private final ValueReader values;
  private final Diagnostics diagnostics;

  public ValidatedTypeReader(ValueReader values, Diagnostics diagnostics) {
    this.values = values;
    this.diagnostics = diagnostics;
  }

  /** The model, or empty after reporting. Every text, collection, map and array component must be bounded. */
  public Optional<ValidatedType> read(TypeElement type) {
    if (type.getKind() != ElementKind.RECORD) {
      diagnostics.error(type, Rule.BW207, type.getSimpleName(), type.getKind().name().toLowerCase(Locale.ROOT));
      return Optional.empty();
    }
    int before = diagnostics.errorCount();
    List<ValidatedType.Component> components = new ArrayList<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      // The component's private field carries its annotations and, unlike the component itself on JDK 17, a source
      // position, so errors land on the component's declaration.
      VariableElement field = fieldOf(type, component);
      Element at = field != null ? field : component;
      ExecutableElement accessor = component.getAccessor();
      String what = type.getSimpleName() + "." + component.getSimpleName();
      ValueModel value = field != null
          ? values.read(field, field.asType(), component.asType(), field, what, true, false)
          : values.read(accessor, accessor.getReturnType(), component.asType(), at, what, true, false);
      if (value != null) {
        components.add(new ValidatedType.Component(component.getSimpleName().toString(), value));
      }
    }
    if (diagnostics.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new ValidatedType(ClassName.get(type), components));
  }

  private static VariableElement fieldOf(TypeElement type, RecordComponentElement component) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().equals(component.getSimpleName()) && !field.getModifiers().contains(Modifier.STATIC)) {
        return field;
      }
    }
    return null;
  }
}
