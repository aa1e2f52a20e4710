package dev.bulwark.processor.reading;

import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.model.Scalar;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.SimpleTypeVisitor14;
import javax.lang.model.util.Types;

/** Decides what a parameter or result type is: a supported scalar, {@code Optional} or {@code List} of one, or neither. */
final class TypeClassifier {
  private static final Map<String, String> CONVERTERS = Map.ofEntries(
      Map.entry("java.lang.String", "STRING"),
      Map.entry("java.lang.Integer", "INTEGER"),
      Map.entry("java.lang.Long", "LONG"),
      Map.entry("java.lang.Short", "SHORT"),
      Map.entry("java.lang.Byte", "BYTE"),
      Map.entry("java.lang.Double", "DOUBLE"),
      Map.entry("java.lang.Float", "FLOAT"),
      Map.entry("java.lang.Boolean", "BOOLEAN"),
      Map.entry("java.lang.Character", "CHARACTER"),
      Map.entry("java.math.BigDecimal", "BIG_DECIMAL"),
      Map.entry("java.util.UUID", "UUID_VALUE"),
      Map.entry("java.time.Instant", "INSTANT"),
      Map.entry("java.time.LocalDate", "LOCAL_DATE"),
      Map.entry("java.time.LocalTime", "LOCAL_TIME"),
      Map.entry("java.time.LocalDateTime", "LOCAL_DATE_TIME"),
      Map.entry("java.time.OffsetDateTime", "OFFSET_DATE_TIME"),
      Map.entry("java.time.ZonedDateTime", "ZONED_DATE_TIME"),
      Map.entry("java.time.Duration", "DURATION"));

  private final Types types;

  TypeClassifier(Types types) {
    this.types = types;
  }

  /** The scalar for a type (a primitive, a box, String, BigDecimal, UUID, an enum, java.time), or {@code null}. */
  Scalar scalar(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      TypeMirror boxed = types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType();
      Scalar box = scalar(boxed);
      return box == null ? null : new Scalar(TypeName.get(type), box.converterConstant(), false);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return new Scalar(TypeName.get(types.erasure(type)), null, true);
    }
    String converter = CONVERTERS.get(element.getQualifiedName().toString());
    return converter == null ? null : new Scalar(TypeName.get(type), converter, false);
  }

  /** The single type argument when the type is exactly the given generic class ({@code java.util.Optional}), else null. */
  TypeMirror argumentOf(TypeMirror type, String qualifiedName) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (!element.getQualifiedName().contentEquals(qualifiedName) || declared.getTypeArguments().size() != 1) {
      return null;
    }
    TypeMirror argument = declared.getTypeArguments().get(0);
    return argument.getKind() == TypeKind.WILDCARD ? null : argument;
  }

  /** Whether the type is exactly this class, without type arguments. */
  boolean isRaw(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName)
        && ((DeclaredType) type).getTypeArguments().isEmpty();
  }

  /** The first type variable or wildcard anywhere in the type, or {@code null}: such a type cannot be bound. */
  static TypeMirror unresolved(TypeMirror type) {
    return type.accept(new SimpleTypeVisitor14<TypeMirror, Void>(null) {
      @Override
      public TypeMirror visitTypeVariable(javax.lang.model.type.TypeVariable t, Void p) {
        return t;
      }

      @Override
      public TypeMirror visitWildcard(javax.lang.model.type.WildcardType t, Void p) {
        return t;
      }

      @Override
      public TypeMirror visitArray(javax.lang.model.type.ArrayType t, Void p) {
        return unresolved(t.getComponentType());
      }

      @Override
      public TypeMirror visitDeclared(DeclaredType t, Void p) {
        for (TypeMirror argument : t.getTypeArguments()) {
          TypeMirror found = unresolved(argument);
          if (found != null) {
            return found;
          }
        }
        return null;
      }
    }, null);
  }
}
