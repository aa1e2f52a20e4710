package dev.bulwark.processor.sql.reading;

import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.rules.Rule;
import dev.bulwark.processor.sql.model.ColumnModel;
import dev.bulwark.processor.sql.model.Encryption;
import dev.bulwark.processor.sql.model.JdbcType;
import dev.bulwark.processor.sql.model.RowModel;
import dev.bulwark.processor.sql.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads the shape of a row type: a scalar, or a record (its components) or class (its one public constructor)
 * whose parts are all scalars. Record components may be {@code @Encrypted}; their row key must be another component.
 */
final class RowReader {
  private static final Set<JdbcType> ROW_KEYS = Set.of(JdbcType.STRING, JdbcType.INT, JdbcType.LONG, JdbcType.UUID);

  private final Diagnostics diagnostics;

  RowReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The row model, or empty with the reason in {@code why} (the caller reports it on the method). */
  Optional<RowModel> read(TypeMirror type, StringBuilder why) {
    Optional<ValueType> scalar = ValueTypes.of(type);
    if (scalar.isPresent()) {
      return Optional.of(new RowModel(TypeName.get(type), scalar.get(), List.of()));
    }
    if (type.getKind() != TypeKind.DECLARED || !((DeclaredType) type).getTypeArguments().isEmpty()) {
      why.append("it is neither a supported scalar nor a record or class without type arguments");
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    List<? extends VariableElement> parts;
    List<RecordComponentElement> components = List.of();
    if (element.getKind() == ElementKind.RECORD) {
      components = List.copyOf(element.getRecordComponents());
      parts = null;
    } else if (element.getKind() == ElementKind.CLASS && !element.getModifiers().contains(Modifier.ABSTRACT)) {
      List<ExecutableElement> constructors = new ArrayList<>();
      for (ExecutableElement c : ElementFilter.constructorsIn(element.getEnclosedElements())) {
        if (c.getModifiers().contains(Modifier.PUBLIC)) {
          constructors.add(c);
        }
      }
      if (constructors.size() != 1) {
        why.append(element.getSimpleName()).append(" has ").append(constructors.size())
            .append(" public constructors, and a row needs exactly one");
        return Optional.empty();
      }
      parts = constructors.get(0).getParameters();
    } else {
      why.append(element.getSimpleName()).append(" is a ").append(element.getKind().toString().toLowerCase(java.util.Locale.ROOT))
          .append(", not a record or class");
      return Optional.empty();
    }
    List<ColumnModel> columns = new ArrayList<>();
    int count = parts == null ? components.size() : parts.size();
    if (count == 0) {
      why.append(element.getSimpleName()).append(" has no components");
      return Optional.empty();
    }
    boolean ok = true;
    for (int i = 0; i < count; i++) {
      Element part = parts == null ? components.get(i) : parts.get(i);
      String name = part.getSimpleName().toString();
      Optional<ValueType> value = ValueTypes.of(part.asType());
      if (value.isEmpty()) {
        if (ok) {
          why.append("the component ").append(name).append(" of ").append(element.getSimpleName())
              .append(" has the unsupported type ").append(part.asType());
        }
        ok = false;
        continue;
      }
      Encryption encryption = parts == null ? encryption(components.get(i), components) : null;
      columns.add(new ColumnModel(ValueTypes.snakeCase(name), name, value.get(), encryption));
    }
    return ok ? Optional.of(new RowModel(TypeName.get(type), null, List.copyOf(columns))) : Optional.empty();
  }

  private void report(RecordComponentElement component, AnnotationMirror mirror, String owner, String what) {
    // Reported again for each method that reads the record, so each repository counts the error; javac prints it
    // once. On the component's field: javac 17 has no source position for a record component element itself.
    Element target = component.getEnclosingElement();
    for (VariableElement field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(component.getSimpleName())) {
        target = field;
      }
    }
    diagnostics.error(target, Rule.BW415, owner, what);
  }

  /**
   * The encryption of a record component, reporting BW415 on it when it is unusable. The model is still returned
   * after an error: the error count stops the writer.
   */
  Encryption encryption(RecordComponentElement component, List<? extends RecordComponentElement> all) {
    AnnotationMirror mirror = SqlAnnotations.find(component, SqlAnnotations.ENCRYPTED);
    if (mirror == null) {
      return null;
    }
    String owner = component.getEnclosingElement().getSimpleName() + "." + component.getSimpleName();
    Optional<ValueType> type = ValueTypes.of(component.asType());
    boolean text = type.isPresent() && type.get().jdbc() == JdbcType.STRING;
    if (!text && (type.isEmpty() || type.get().jdbc() != JdbcType.BYTES)) {
      report(component, mirror, owner, "is on a " + component.asType() + ", not a String or byte[]");
      return null;
    }
    String table = SqlAnnotations.string(mirror, "table");
    String rowKey = SqlAnnotations.string(mirror, "rowKey");
    if (!SqlScanner.identifier(table)) {
      report(component, mirror, owner, "names the table '" + table + "', which is no plain table name");
      return null;
    }
    for (RecordComponentElement other : all) {
      if (other.getSimpleName().contentEquals(rowKey) && other != component) {
        Optional<ValueType> key = ValueTypes.of(other.asType());
        if (SqlAnnotations.find(other, SqlAnnotations.ENCRYPTED) != null) {
          report(component, mirror, owner, "has the row key " + rowKey + ", which is itself encrypted");
          return null;
        }
        if (key.isEmpty() || !ROW_KEYS.contains(key.get().jdbc())) {
          report(component, mirror, owner,
              "has the row key " + rowKey + " of type " + other.asType() + ", which is not String, int, long or UUID");
          return null;
        }
        return new Encryption(table, ValueTypes.snakeCase(component.getSimpleName().toString()), rowKey, text);
      }
    }
    report(component, mirror, owner, "names the row key '" + rowKey + "', which is no other component of the record");
    return null;
  }
}
