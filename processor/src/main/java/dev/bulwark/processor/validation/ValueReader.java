package dev.bulwark.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads what is checked about one value: its jakarta.validation constraints (declaration and type-use annotations,
 * read once each), container elements, {@code @Valid} cascades and {@code @Sanitize}. It reports constraints that
 * cannot apply (BW201), bad regexes (BW202), cascades into unvalidated types (BW203), unbounded inputs (BW204),
 * misplaced {@code @Sanitize} (BW205) and impossible bounds (BW208).
 */
public final class ValueReader {
  static final String VALID = "jakarta.validation.Valid";
  static final String VALIDATED = "dev.bulwark.annotations.Validated";
  static final String SANITIZE = "dev.bulwark.annotations.Sanitize";

  private final Types types;
  private final Elements elements;
  private final Diagnostics diagnostics;

  public ValueReader(Types types, Elements elements, Diagnostics diagnostics) {
    this.types = types;
    this.elements = elements;
    this.diagnostics = diagnostics;
  }

  /**
   * The model of a value, or {@code null} after reporting. {@code annotated} carries declaration annotations (a
   * parameter, an accessor); {@code declared} the written type with its type-use annotations; {@code type} the type
   * to check against (resolved for inherited generics). {@code bounded} asks for the BW204 check.
   */
  public ValueModel read(Element annotated, TypeMirror declared, TypeMirror type, Element where, String what,
      boolean bounded, boolean cascadeByDefault) {
    return read(annotated, declared, type, where, what, bounded, cascadeByDefault, false);
  }

  private ValueModel read(Element annotated, TypeMirror declared, TypeMirror type, Element where, String what,
      boolean bounded, boolean cascadeByDefault, boolean inContainer) {
    return read(annotated, declared, type, where, what, bounded, cascadeByDefault, inContainer, java.util.Set.of());
  }

  /**
   * {@code inheritedTypeUse}: annotations that Java attached to this type only because they were written before an
   * array declaration ({@code @Size(max = 9) byte[] data} puts the annotation on {@code byte} as well as on the
   * declaration); they belong to the array, not to its elements.
   */
  private ValueModel read(Element annotated, TypeMirror declared, TypeMirror type, Element where, String what,
      boolean bounded, boolean cascadeByDefault, boolean inContainer, java.util.Set<String> inheritedTypeUse) {
    if (shape(type) == ValueModel.Shape.OPTIONAL) {
      // Constraints, @Valid and @Sanitize on an Optional apply to its content, as Jakarta unwraps Optional.
      TypeMirror arg = argument(type, 0);
      if (arg == null) {
        return new ValueModel(TypeName.get(type), ValueModel.Shape.OPTIONAL, List.of(), null, null, null, false, null);
      }
      TypeMirror declaredArg = argument(declared, 0);
      ValueModel content = read(annotated, declaredArg == null ? arg : declaredArg, arg, where, what, bounded,
          cascadeByDefault, inContainer, inheritedTypeUse);
      return content == null ? null
          : new ValueModel(TypeName.get(type), ValueModel.Shape.OPTIONAL, List.of(), content, null, null, false, null);
    }
    int before = diagnostics.errorCount();
    Map<String, AnnotationMirror> annotations = new LinkedHashMap<>();
    if (annotated != null) {
      for (AnnotationMirror m : annotated.getAnnotationMirrors()) {
        annotations.putIfAbsent(name(m), m);
      }
    }
    for (AnnotationMirror m : declared.getAnnotationMirrors()) {
      if (!inheritedTypeUse.contains(m.toString())) {
        annotations.putIfAbsent(name(m), m);
      }
    }
    ValueModel.Shape shape = shape(type);
    List<Constraint> constraints = new ArrayList<>();
    for (AnnotationMirror mirror : annotations.values()) {
      Constraint.Kind kind = Constraint.Kind.of(name(mirror));
      if (kind == null) {
        continue;
      }
      if (!applies(kind, shape, type)) {
        diagnostics.error(where, mirror, Rule.BW201, kind.annotation(), what, plain(type));
        continue;
      }
      currentType = type;
      Constraint c = constraint(kind, mirror, where, what);
      if (c != null) {
        constraints.add(c);
      }
    }
    boolean valid = annotations.containsKey(VALID) || cascadeByDefault;
    ValueModel.Sanitize sanitize = null;
    AnnotationMirror sanitizeMirror = annotations.get(SANITIZE);
    if (sanitizeMirror != null) {
      if (shape != ValueModel.Shape.STRING || inContainer) {
        diagnostics.error(where, sanitizeMirror, Rule.BW205, what, inContainer ? "a collection element" : plain(type));
      } else {
        sanitize = new ValueModel.Sanitize(enumValue(sanitizeMirror, "value", "TEXT"),
            stringValue(sanitizeMirror, "custom"), enumValue(sanitizeMirror, "mode", "CLEAN"));
      }
    }
    ValueModel element = null;
    ValueModel mapValue = null;
    ClassName cascade = null;
    boolean cascadeSanitizes = false;
    switch (shape) {
      case COLLECTION -> {
        TypeMirror declaredArg = argument(declared, 0);
        TypeMirror arg = argument(type, 0);
        if (arg != null) {
          element = read(null, declaredArg == null ? arg : declaredArg, arg, where,
              what + "[]", bounded, valid, true);
          if (element != null && element.cascadeSanitizes() && shape == ValueModel.Shape.COLLECTION && !isList(type)) {
            diagnostics.error(where, Rule.BW205, what, "records with @Sanitize components in a " + type
                + " (only a List of them is sanitized)");
          }
        }
      }
      case MAP -> {
        TypeMirror declaredArg = argument(declared, 1);
        TypeMirror arg = argument(type, 1);
        if (arg != null) {
          mapValue = read(null, declaredArg == null ? arg : declaredArg, arg, where, what + "{}", bounded, valid, true);
          if (mapValue != null && mapValue.cascadeSanitizes()) {
            diagnostics.error(where, Rule.BW205, what, "records with @Sanitize components in a map (use a List)");
          }
        }
      }
      case ARRAY -> {
        TypeMirror component = ((ArrayType) type).getComponentType();
        TypeMirror declaredComponent = declared.getKind() == TypeKind.ARRAY ? ((ArrayType) declared).getComponentType() : component;
        java.util.Set<String> outer = new java.util.HashSet<>();
        for (AnnotationMirror m : annotations.values()) {
          outer.add(m.toString());
        }
        element = read(null, declaredComponent, component, where, what + "[]", bounded, valid, true, outer);
        if (element != null && element.cascadeSanitizes()) {
          diagnostics.error(where, Rule.BW205, what, "records with @Sanitize components in an array (use a List)");
        }
      }
      case OTHER -> {
        if (!valid && type.getKind() == TypeKind.DECLARED
            && hasConstraints((TypeElement) ((DeclaredType) type).asElement())) {
          diagnostics.error(where, Rule.BW206, what, "its type " + ((DeclaredType) type).asElement().getSimpleName()
              + " has constraints but the component is not @Valid");
        }
        if (valid && type.getKind() == TypeKind.DECLARED) {
          TypeElement target = (TypeElement) ((DeclaredType) type).asElement();
          if (isValidated(target)) {
            cascade = ValidatedType.validatorOf(ClassName.get(target));
            cascadeSanitizes = sanitizesDeep(target, 0);
          } else if (annotations.containsKey(VALID)) {
            diagnostics.error(where, annotations.get(VALID), Rule.BW203, what, target.getSimpleName(), target.getSimpleName());
          } else if (hasConstraints(target)) {
            diagnostics.error(where, Rule.BW206, target.getSimpleName(), "annotate it with @Validated");
          } else if (bounded && hasSizedComponents(target)) {
            diagnostics.error(where, Rule.BW204, what + " (its record " + target.getSimpleName()
                + " has text or collection components)", target.getSimpleName() + "; annotate the record with @Validated and bound them");
          }
        }
      }
      default -> { }
    }
    boolean hasBound = constraints.stream().anyMatch(c -> (c.kind() == Constraint.Kind.SIZE
        || c.kind() == Constraint.Kind.OUTBOUND_URL) && c.max() < Integer.MAX_VALUE);
    if (bounded && diagnostics.errorCount() == before && shape.sized() && !hasBound) {
      diagnostics.error(where, Rule.BW204, what, plain(type));
    }
    if (diagnostics.errorCount() > before) {
      return null;
    }
    return new ValueModel(TypeName.get(type), shape, constraints, element, mapValue, cascade, cascadeSanitizes, sanitize);
  }

  /** Whether a type is a {@code @Validated} record (or carries @Validated at all). */
  public static boolean isValidated(TypeElement type) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      if (name(m).equals(VALIDATED)) {
        return true;
      }
    }
    return false;
  }

  /** A type as written, without the type-use annotations javac would print with it. */
  private String plain(TypeMirror type) {
    return TypeName.get(type).withoutAnnotations().toString();
  }

  private static boolean isList(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.util.List");
  }

  /** Whether a record, or a record it cascades into, has a {@code @Sanitize} component. */
  public static boolean sanitizesDeep(TypeElement type, int depth) {
    if (type.getKind() != ElementKind.RECORD || depth > 16) {
      return false;
    }
    if (anyComponentAnnotation(type, SANITIZE::equals)) {
      return true;
    }
    for (var component : type.getRecordComponents()) {
      TypeMirror t = component.getAccessor().getReturnType();
      if (t.getKind() == TypeKind.DECLARED && sanitizesDeep((TypeElement) ((DeclaredType) t).asElement(), depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a record has a text, collection, map or array component, each of which needs a bound. */
  boolean hasSizedComponents(TypeElement type) {
    if (type.getKind() != ElementKind.RECORD) {
      return false;
    }
    for (var component : type.getRecordComponents()) {
      if (shape(component.asType()).sized()) {
        return true;
      }
    }
    return false;
  }

  /** Whether any component of a record carries a constraint: such a body type must be @Validated. */
  public static boolean hasConstraints(TypeElement type) {
    return type.getKind() == ElementKind.RECORD && anyComponentAnnotation(type, n -> Constraint.Kind.of(n) != null);
  }

  /**
   * Whether an annotation whose qualified name passes the test sits on a component of the record, wherever javac put
   * it: the field, the field's type, the accessor, or the accessor's return type.
   */
  private static boolean anyComponentAnnotation(TypeElement record, java.util.function.Predicate<String> test) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (VariableElement field : javax.lang.model.util.ElementFilter.fieldsIn(record.getEnclosedElements())) {
      found.addAll(field.getAnnotationMirrors());
      found.addAll(field.asType().getAnnotationMirrors());
    }
    for (var component : record.getRecordComponents()) {
      found.addAll(component.getAccessor().getAnnotationMirrors());
      found.addAll(component.getAccessor().getReturnType().getAnnotationMirrors());
    }
    return found.stream().anyMatch(m -> test.test(name(m)));
  }


  ValueModel.Shape shape(TypeMirror type) {
    if (type == null) {
      return ValueModel.Shape.OTHER;
    }
    switch (type.getKind()) {
      case BYTE, SHORT, INT, LONG:
        return ValueModel.Shape.INTEGRAL;
      case FLOAT, DOUBLE:
        return ValueModel.Shape.FLOATING;
      case BOOLEAN:
        return ValueModel.Shape.BOOLEAN;
      case ARRAY:
        return ValueModel.Shape.ARRAY;
      case DECLARED:
        break;
      default:
        return ValueModel.Shape.OTHER;
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    switch (name) {
      case "java.lang.String", "java.lang.CharSequence":
        return ValueModel.Shape.STRING;
      case "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long":
        return ValueModel.Shape.INTEGRAL;
      case "java.lang.Float", "java.lang.Double":
        return ValueModel.Shape.FLOATING;
      case "java.lang.Boolean":
        return ValueModel.Shape.BOOLEAN;
      case "java.math.BigDecimal":
        return ValueModel.Shape.BIG_DECIMAL;
      case "java.math.BigInteger":
        return ValueModel.Shape.BIG_INTEGER;
      case "java.util.Optional":
        return ValueModel.Shape.OPTIONAL;
      case "java.time.Instant":
        return ValueModel.Shape.INSTANT_LIKE;
      case "java.time.OffsetDateTime", "java.time.ZonedDateTime":
        return ValueModel.Shape.OFFSET_TIME;
      case "java.time.LocalDate":
        return ValueModel.Shape.LOCAL_DATE;
      case "java.time.LocalDateTime":
        return ValueModel.Shape.LOCAL_DATE_TIME;
      case "java.time.LocalTime":
        return ValueModel.Shape.LOCAL_TIME;
      case "java.time.Year":
        return ValueModel.Shape.YEAR;
      case "java.time.YearMonth":
        return ValueModel.Shape.YEAR_MONTH;
      default:
        break;
    }
    TypeMirror erased = types.erasure(type);
    if (types.isAssignable(erased, types.erasure(elements.getTypeElement("java.util.Collection").asType()))) {
      return ValueModel.Shape.COLLECTION;
    }
    if (types.isAssignable(erased, types.erasure(elements.getTypeElement("java.util.Map").asType()))) {
      return ValueModel.Shape.MAP;
    }
    return ValueModel.Shape.OTHER;
  }

  private static boolean applies(Constraint.Kind kind, ValueModel.Shape shape, TypeMirror type) {
    return switch (kind) {
      case NOT_NULL, NULL -> !type.getKind().isPrimitive();
      case NOT_BLANK, EMAIL, PATTERN, OUTBOUND_URL -> shape == ValueModel.Shape.STRING;
      case NOT_EMPTY, SIZE -> shape.sized();
      case MIN, MAX, DECIMAL_MIN, DECIMAL_MAX, DIGITS -> shape == ValueModel.Shape.INTEGRAL
          || shape == ValueModel.Shape.BIG_DECIMAL || shape == ValueModel.Shape.BIG_INTEGER;
      case POSITIVE, POSITIVE_OR_ZERO, NEGATIVE, NEGATIVE_OR_ZERO -> shape.numeric();
      case CUSTOM -> true;
      case PAST, PAST_OR_PRESENT, FUTURE, FUTURE_OR_PRESENT -> shape.temporal();
      case ASSERT_TRUE, ASSERT_FALSE -> shape == ValueModel.Shape.BOOLEAN;
    };
  }

  /** The value type being read, for checks that depend on it (set around each constraint read). */
  private TypeMirror currentType;

  /** Why a class cannot check values of this type, or {@code null} when it can. */
  private String customCheckProblem(TypeMirror check, TypeMirror valueType) {
    if (check == null || check.getKind() != TypeKind.DECLARED) {
      return "it is not a class";
    }
    TypeElement element = (TypeElement) ((DeclaredType) check).asElement();
    if (element.getKind() != ElementKind.CLASS || !element.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)
        || element.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
      return "it is not a public, concrete class";
    }
    boolean noArg = false;
    for (ExecutableElement c : javax.lang.model.util.ElementFilter.constructorsIn(element.getEnclosedElements())) {
      noArg |= c.getParameters().isEmpty() && c.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC);
    }
    if (!noArg) {
      return "it has no public no-argument constructor";
    }
    TypeMirror checked = checkedType(check);
    if (checked == null) {
      return "it does not implement dev.bulwark.runtime.validation.CustomCheck";
    }
    TypeMirror boxed = valueType.getKind().isPrimitive()
        ? types.boxedClass((javax.lang.model.type.PrimitiveType) valueType).asType() : valueType;
    if (!types.isAssignable(types.erasure(boxed), types.erasure(checked))) {
      return "it checks " + checked + " values, not " + plain(valueType);
    }
    return null;
  }

  private TypeMirror checkedType(TypeMirror type) {
    if (type instanceof DeclaredType declared && ((TypeElement) declared.asElement()).getQualifiedName()
        .contentEquals("dev.bulwark.runtime.validation.CustomCheck")) {
      return declared.getTypeArguments().isEmpty() ? null : declared.getTypeArguments().get(0);
    }
    for (TypeMirror parent : types.directSupertypes(type)) {
      TypeMirror found = checkedType(parent);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private Constraint constraint(Constraint.Kind kind, AnnotationMirror mirror, Element where, String what) {
    String custom = stringValue(mirror, "message");
    long min = 0;
    long max = 0;
    String decimal = null;
    boolean inclusive = true;
    String regexp = null;
    int flags = 0;
    String message;
    switch (kind) {
      case SIZE -> {
        min = intValue(mirror, "min", 0);
        max = intValue(mirror, "max", Integer.MAX_VALUE);
        if (min < 0 || max < min) {
          diagnostics.error(where, mirror, Rule.BW208, kind.annotation(), what, "min " + min + ", max " + max);
          return null;
        }
        message = "size must be between " + min + " and " + max;
      }
      case MIN -> {
        min = longValue(mirror, "value");
        message = "must be greater than or equal to " + min;
      }
      case MAX -> {
        max = longValue(mirror, "value");
        message = "must be less than or equal to " + max;
      }
      case DECIMAL_MIN, DECIMAL_MAX -> {
        decimal = stringValue(mirror, "value");
        inclusive = !"false".equals(String.valueOf(rawValue(mirror, "inclusive")));
        try {
          new java.math.BigDecimal(decimal);
        } catch (NumberFormatException e) {
          diagnostics.error(where, mirror, Rule.BW208, kind.annotation(), what, "'" + decimal + "' is not a decimal number");
          return null;
        }
        message = "must be " + (kind == Constraint.Kind.DECIMAL_MIN ? "greater than " : "less than ")
            + (inclusive ? "or equal to " : "") + decimal;
      }
      case DIGITS -> {
        min = intValue(mirror, "integer", 0);
        max = intValue(mirror, "fraction", 0);
        if (min < 0 || max < 0) {
          diagnostics.error(where, mirror, Rule.BW208, kind.annotation(), what, "integer " + min + ", fraction " + max);
          return null;
        }
        message = "numeric value out of bounds (<" + min + " digits>.<" + max + " digits> expected)";
      }
      case PATTERN -> {
        regexp = stringValue(mirror, "regexp");
        try {
          Pattern.compile(regexp);
        } catch (PatternSyntaxException e) {
          diagnostics.error(where, mirror, Rule.BW202, what, e.getDescription());
          return null;
        }
        message = "must match the required pattern";
      }
      case OUTBOUND_URL -> {
        max = intValue(mirror, "maxLength", 2048);
        List<String> schemes = new ArrayList<>();
        Object list = rawValue(mirror, "schemes");
        if (list instanceof List<?> values) {
          for (Object v : values) {
            schemes.add(((AnnotationValue) v).getValue().toString().toLowerCase(java.util.Locale.ROOT));
          }
        }
        if (max < 1 || schemes.isEmpty()) {
          diagnostics.error(where, mirror, Rule.BW208, kind.annotation(), what, "maxLength " + max + ", schemes " + schemes);
          return null;
        }
        regexp = String.join(",", schemes);
        message = "is not an allowed outbound URL";
      }
      case CUSTOM -> {
        TypeMirror check = (TypeMirror) rawValue(mirror, "value");
        String problem = customCheckProblem(check, currentType);
        if (problem != null) {
          diagnostics.error(where, mirror, Rule.BW209, check, what, problem);
          return null;
        }
        decimal = TypeName.get(types.erasure(check)).toString();
        message = stringValue(mirror, "message");
        custom = null;
      }
      case NOT_NULL -> message = "must not be null";
      case NULL -> message = "must be null";
      case NOT_BLANK -> message = "must not be blank";
      case NOT_EMPTY -> message = "must not be empty";
      case POSITIVE -> message = "must be greater than 0";
      case POSITIVE_OR_ZERO -> message = "must be greater than or equal to 0";
      case NEGATIVE -> message = "must be less than 0";
      case NEGATIVE_OR_ZERO -> message = "must be less than or equal to 0";
      case EMAIL -> message = "must be a well-formed email address";
      case PAST -> message = "must be a past date";
      case PAST_OR_PRESENT -> message = "must be a date in the past or in the present";
      case FUTURE -> message = "must be a future date";
      case FUTURE_OR_PRESENT -> message = "must be a date in the present or in the future";
      case ASSERT_TRUE -> message = "must be true";
      case ASSERT_FALSE -> message = "must be false";
      default -> throw new IllegalStateException(kind.name());
    }
    if (kind != Constraint.Kind.CUSTOM && custom != null && !custom.isEmpty() && !custom.startsWith("{")) {
      message = custom;
    }
    return new Constraint(kind, min, max, decimal, inclusive, regexp, flags, message);
  }

  private static TypeMirror argument(TypeMirror type, int index) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    return args.size() > index ? args.get(index) : null;
  }

  static String name(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static Object rawValue(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue().getValue();
      }
    }
    for (Element enclosed : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (enclosed instanceof ExecutableElement m && m.getSimpleName().contentEquals(member) && m.getDefaultValue() != null) {
        return m.getDefaultValue().getValue();
      }
    }
    return null;
  }

  private static String stringValue(AnnotationMirror mirror, String member) {
    Object v = rawValue(mirror, member);
    return v == null ? "" : v.toString();
  }

  private static String enumValue(AnnotationMirror mirror, String member, String fallback) {
    Object v = rawValue(mirror, member);
    return v instanceof VariableElement e ? e.getSimpleName().toString() : fallback;
  }

  private static int intValue(AnnotationMirror mirror, String member, int fallback) {
    Object v = rawValue(mirror, member);
    return v instanceof Integer i ? i : fallback;
  }

  private static long longValue(AnnotationMirror mirror, String member) {
    Object v = rawValue(mirror, member);
    return v instanceof Number n ? n.longValue() : 0;
  }
}
