package dev.bulwark.processor.sql.reading;

import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.sql.model.JdbcType;
import dev.bulwark.processor.sql.model.ValueType;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Which Java types map to a single SQL value, and how. */
final class ValueTypes {
  private static final Map<String, JdbcType> DECLARED = Map.ofEntries(
      Map.entry("java.lang.String", JdbcType.STRING),
      Map.entry("java.lang.Short", JdbcType.SHORT),
      Map.entry("java.lang.Integer", JdbcType.INT),
      Map.entry("java.lang.Long", JdbcType.LONG),
      Map.entry("java.lang.Float", JdbcType.FLOAT),
      Map.entry("java.lang.Double", JdbcType.DOUBLE),
      Map.entry("java.lang.Boolean", JdbcType.BOOLEAN),
      Map.entry("java.math.BigDecimal", JdbcType.BIG_DECIMAL),
      Map.entry("java.util.UUID", JdbcType.UUID),
      Map.entry("java.time.Instant", JdbcType.INSTANT),
      Map.entry("java.time.LocalDate", JdbcType.LOCAL_DATE),
      Map.entry("java.time.LocalDateTime", JdbcType.LOCAL_DATE_TIME),
      Map.entry("java.time.OffsetDateTime", JdbcType.OFFSET_DATE_TIME));

  private ValueTypes() {}

  /** The mapping of a type that is one SQL value, or empty. */
  static Optional<ValueType> of(TypeMirror type) {
    switch (type.getKind()) {
      case SHORT:
        return Optional.of(new ValueType(JdbcType.SHORT, TypeName.SHORT, true));
      case INT:
        return Optional.of(new ValueType(JdbcType.INT, TypeName.INT, true));
      case LONG:
        return Optional.of(new ValueType(JdbcType.LONG, TypeName.LONG, true));
      case FLOAT:
        return Optional.of(new ValueType(JdbcType.FLOAT, TypeName.FLOAT, true));
      case DOUBLE:
        return Optional.of(new ValueType(JdbcType.DOUBLE, TypeName.DOUBLE, true));
      case BOOLEAN:
        return Optional.of(new ValueType(JdbcType.BOOLEAN, TypeName.BOOLEAN, true));
      case ARRAY:
        return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
            ? Optional.of(new ValueType(JdbcType.BYTES, TypeName.get(type), false)) : Optional.empty();
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
          return Optional.of(new ValueType(JdbcType.ENUM, TypeName.get(type), false));
        }
        JdbcType jdbc = DECLARED.get(element.getQualifiedName().toString());
        return jdbc == null ? Optional.empty() : Optional.of(new ValueType(jdbc, TypeName.get(type), false));
      default:
        return Optional.empty();
    }
  }

  /** The element of a declared type of that exact qualified name, or {@code null}. */
  static TypeElement declared(TypeMirror type, String qualifiedName) {
    if (type.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      if (element.getQualifiedName().contentEquals(qualifiedName)) {
        return element;
      }
    }
    return null;
  }

  /** The single type argument of a declared type such as {@code List<Post>}. */
  static TypeMirror argument(TypeMirror type) {
    return ((DeclaredType) type).getTypeArguments().get(0);
  }

  /** {@code ownerId} to {@code owner_id}: how a component name becomes a column label. */
  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
