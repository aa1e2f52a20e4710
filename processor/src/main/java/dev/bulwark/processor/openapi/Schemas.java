package dev.bulwark.processor.openapi;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.validation.Constraint;
import dev.bulwark.processor.validation.ValidatedType;
import dev.bulwark.processor.validation.ValidatedTypeReader;
import dev.bulwark.processor.validation.ValueModel;
import dev.bulwark.processor.validation.ValueReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1) for the Java types of an API, as the runtime's strict JSON
 * codec reads and writes them, with the jakarta.validation constraints the generated validators enforce. Records
 * become component schemas (by qualified name; see {@link SchemaRef}) that refuse unknown properties, as the codec
 * does. The constraints of a {@code @Validated} record come from the same reader the validators are written from, so
 * the document cannot say something the handlers do not do.
 */
public final class Schemas {
  static final String SENSITIVE = "dev.bulwark.annotations.Sensitive";

  private final Elements elements;
  private final Types types;
  private final ValidatedTypeReader validated;
  private final Map<String, Map<String, Object>> components = new TreeMap<>();
  private final Map<String, String> shortNames = new TreeMap<>();

  public Schemas(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    // The records were checked when their validators were written; reading them again must not report twice.
    Diagnostics silent = new Diagnostics(SILENT);
    this.validated = new ValidatedTypeReader(new ValueReader(types, elements, silent), silent);
  }

  /** The component schemas met so far, by the qualified name of their record. */
  public Map<String, Map<String, Object>> components() {
    return components;
  }

  /** The model of a {@code @Validated} record, read again without reporting; empty for any other type. */
  public Optional<ValidatedType> validatedType(String qualifiedName) {
    TypeElement element = elements.getTypeElement(qualifiedName);
    if (element == null || element.getKind() != ElementKind.RECORD || !ValueReader.isValidated(element)) {
      return Optional.empty();
    }
    return validated.read(element);
  }

  /** A record's nested simple names joined by dots ({@code AuthApi.Profile}), by its qualified name. */
  public String shortName(String qualified) {
    return shortNames.getOrDefault(qualified, qualified);
  }

  /** The schema of a value of this type, with the checks of {@code value} (which may be null: none). */
  public Map<String, Object> schema(TypeName declared, ValueModel value) {
    TypeName type = declared.withoutAnnotations();
    if (isOptional(type)) {
      return schema(argument(type, 0), value == null ? null : value.element());
    }
    Map<String, Object> schema = base(type, value);
    apply(schema, value);
    return schema;
  }

  private Map<String, Object> base(TypeName type, ValueModel value) {
    Map<String, Object> s = new LinkedHashMap<>();
    if (type instanceof ArrayTypeName array) {
      if (array.componentType().withoutAnnotations().equals(TypeName.BYTE)) {
        s.put("type", "string");
        s.put("contentEncoding", "base64");
        return s;
      }
      s.put("type", "array");
      s.put("items", schema(array.componentType(), value == null ? null : value.element()));
      return s;
    }
    ClassName raw = type instanceof ParameterizedTypeName p ? p.rawType() : type instanceof ClassName c ? c : null;
    if (type.isPrimitive() || type.isBoxedPrimitive()) {
      return scalar(type.isBoxedPrimitive() ? type.unbox() : type);
    }
    if (raw == null) {
      return s; // a type variable or wildcard: any value
    }
    switch (raw.canonicalName()) {
      case "java.lang.Object" -> { } // any value
      case "java.lang.String", "java.lang.CharSequence", "java.lang.Character" -> s.put("type", "string");
      case "java.math.BigDecimal" -> s.put("type", "number");
      case "java.math.BigInteger" -> s.put("type", "integer");
      case "java.util.UUID" -> format(s, "uuid");
      case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime" -> format(s, "date-time");
      case "java.time.LocalDate" -> format(s, "date");
      case "java.time.Duration" -> format(s, "duration");
      case "java.time.LocalDateTime", "java.time.LocalTime", "java.time.Year", "java.time.YearMonth",
          "java.net.URI", "java.net.URL" -> s.put("type", "string");
      default -> declaredType(s, type, raw, value);
    }
    return s;
  }

  private void declaredType(Map<String, Object> s, TypeName type, ClassName raw, ValueModel value) {
    TypeElement element = elements.getTypeElement(raw.canonicalName());
    if (element == null) {
      return;
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants = new ArrayList<>();
      for (Element e : element.getEnclosedElements()) {
        if (e.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(e.getSimpleName().toString());
        }
      }
      s.put("type", "string");
      s.put("enum", constants);
    } else if (element.getKind() == ElementKind.RECORD) {
      String name = element.getQualifiedName().toString();
      if (!components.containsKey(name)) {
        shortNames.put(name, String.join(".", ClassName.get(element).simpleNames()));
        components.put(name, Map.of()); // a placeholder, so a record that contains itself terminates
        components.put(name, record(element));
      }
      s.put("$ref", new SchemaRef(name));
    } else if (assignable(element, "java.util.Collection")) {
      s.put("type", "array");
      s.put("items", schema(argument(type, 0), value == null ? null : value.element()));
      if (assignable(element, "java.util.Set")) {
        s.put("uniqueItems", true);
      }
    } else if (assignable(element, "java.util.Map")) {
      s.put("type", "object");
      s.put("additionalProperties", schema(argument(type, 1), value == null ? null : value.mapValue()));
    } else {
      s.put("type", "object");
    }
  }

  /**
   * A record as an object. A {@code @Validated} record is read: its required components are the ones its
   * constraints make required. Any other record is written: every component is present, and may be null unless it
   * is primitive.
   */
  private Map<String, Object> record(TypeElement record) {
    Map<String, ValueModel> checks = new LinkedHashMap<>();
    boolean isValidated = ValueReader.isValidated(record);
    if (isValidated) {
      Optional<ValidatedType> read = validated.read(record);
      read.ifPresent(t -> t.components().forEach(c -> checks.put(c.name(), c.value())));
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      TypeName type = TypeName.get(component.asType()).withoutAnnotations();
      ValueModel value = checks.get(name);
      Map<String, Object> schema = schema(type, value);
      if (sensitiveInput(record, component)) {
        schema.put("writeOnly", true);
      }
      boolean optional = isOptional(type);
      if (isValidated ? !optional && (type.isPrimitive() || requires(value)) : !optional) {
        required.add(name);
      }
      if (!isValidated && !type.isPrimitive()) {
        schema = nullable(schema);
      }
      properties.put(name, schema);
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", properties);
    if (!required.isEmpty()) {
      s.put("required", required);
    }
    s.put("additionalProperties", false);
    return s;
  }

  private static Map<String, Object> nullable(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type instanceof String t && !schema.containsKey("enum")) {
      schema.put("type", List.of(t, "null"));
      return schema;
    }
    Map<String, Object> either = new LinkedHashMap<>();
    either.put("anyOf", List.of(schema, Map.of("type", "null")));
    return either;
  }

  private static boolean requires(ValueModel value) {
    return value != null && value.constraints().stream().anyMatch(c -> c.kind() == Constraint.Kind.NOT_NULL
        || c.kind() == Constraint.Kind.NOT_BLANK || c.kind() == Constraint.Kind.NOT_EMPTY);
  }

  /** The constraints as JSON Schema keywords; {@code @Sanitize} and custom checks as {@code x-bulwark-} keywords. */
  private static void apply(Map<String, Object> s, ValueModel value) {
    if (value == null) {
      return;
    }
    ValueModel.Shape shape = value.shape();
    boolean text = "string".equals(s.get("type"));
    for (Constraint c : value.constraints()) {
      switch (c.kind()) {
        case SIZE -> {
          String[] words = shape == ValueModel.Shape.STRING ? new String[] {"minLength", "maxLength"}
              : shape == ValueModel.Shape.MAP ? new String[] {"minProperties", "maxProperties"}
              : text ? null : new String[] {"minItems", "maxItems"};
          if (words != null) {
            if (c.min() > 0) {
              s.put(words[0], c.min());
            }
            if (c.max() < Integer.MAX_VALUE) {
              s.put(words[1], c.max());
            }
          }
        }
        case NOT_BLANK -> {
          s.put("minLength", Math.max(1L, ((Number) s.getOrDefault("minLength", 1L)).longValue()));
          s.put("pattern", "\\S");
        }
        case NOT_EMPTY -> s.put(shape == ValueModel.Shape.STRING ? "minLength"
            : shape == ValueModel.Shape.MAP ? "minProperties" : "minItems", Math.max(1L, c.min()));
        case MIN -> s.put("minimum", c.min());
        case MAX -> s.put("maximum", c.max());
        case DECIMAL_MIN -> s.put(c.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(c.decimal()));
        case DECIMAL_MAX -> s.put(c.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(c.decimal()));
        case POSITIVE -> s.put("exclusiveMinimum", 0);
        case POSITIVE_OR_ZERO -> s.put("minimum", 0);
        case NEGATIVE -> s.put("exclusiveMaximum", 0);
        case NEGATIVE_OR_ZERO -> s.put("maximum", 0);
        case EMAIL -> s.put("format", "email");
        // Jakarta matches the whole value; a JSON Schema pattern matches anywhere unless anchored.
        case PATTERN -> s.put("pattern", "^(?:" + c.regexp() + ")$");
        case OUTBOUND_URL -> {
          s.put("format", "uri");
          s.put("maxLength", c.max());
          s.put("x-bulwark-outbound-url-schemes", List.of(c.regexp().split(",")));
        }
        case ASSERT_TRUE -> s.put("const", true);
        case ASSERT_FALSE -> s.put("const", false);
        case CUSTOM -> s.put("x-bulwark-check", c.decimal());
        case DIGITS -> s.put("x-bulwark-digits", Map.of("integer", c.min(), "fraction", c.max()));
        case PAST, PAST_OR_PRESENT, FUTURE, FUTURE_OR_PRESENT -> s.put("x-bulwark-temporal", c.kind().annotation());
        case NOT_NULL, NULL -> { }
      }
    }
    if (value.sanitize() != null) {
      s.put("x-bulwark-sanitize", value.sanitize().policy());
    }
  }

  private static Map<String, Object> scalar(TypeName primitive) {
    Map<String, Object> s = new LinkedHashMap<>();
    if (primitive.equals(TypeName.BOOLEAN)) {
      s.put("type", "boolean");
    } else if (primitive.equals(TypeName.LONG)) {
      s.put("type", "integer");
      s.put("format", "int64");
    } else if (primitive.equals(TypeName.INT) || primitive.equals(TypeName.SHORT) || primitive.equals(TypeName.BYTE)) {
      s.put("type", "integer");
      s.put("format", "int32");
    } else if (primitive.equals(TypeName.FLOAT)) {
      s.put("type", "number");
      s.put("format", "float");
    } else if (primitive.equals(TypeName.DOUBLE)) {
      s.put("type", "number");
      s.put("format", "double");
    } else {
      s.put("type", "string");
    }
    return s;
  }

  private static void format(Map<String, Object> s, String format) {
    s.put("type", "string");
    s.put("format", format);
  }

  /** Whether the record component carries {@code @Sensitive(input = true)}: it is written only by the client. */
  public static boolean sensitiveInput(TypeElement record, RecordComponentElement component) {
    List<AnnotationMirror> found = new ArrayList<>(component.getAccessor().getAnnotationMirrors());
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (field.getSimpleName().equals(component.getSimpleName())) {
        found.addAll(field.getAnnotationMirrors());
      }
    }
    for (AnnotationMirror m : found) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(SENSITIVE)) {
        for (Map.Entry<? extends javax.lang.model.element.ExecutableElement, ? extends AnnotationValue> e
            : m.getElementValues().entrySet()) {
          if (e.getKey().getSimpleName().contentEquals("input") && Boolean.TRUE.equals(e.getValue().getValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean assignable(TypeElement element, String to) {
    TypeElement target = elements.getTypeElement(to);
    return target != null && types.isAssignable(types.erasure(element.asType()), types.erasure(target.asType()));
  }

  static boolean isOptional(TypeName type) {
    return type instanceof ParameterizedTypeName p && p.rawType().canonicalName().equals("java.util.Optional");
  }

  private static TypeName argument(TypeName type, int index) {
    if (type instanceof ParameterizedTypeName p && p.typeArguments().size() > index) {
      return p.typeArguments().get(index);
    }
    return ClassName.OBJECT;
  }

  /** Drops the messages of a second read of code that was already checked. */
  private static final Messager SILENT = new Messager() {
    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg) {}

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {}

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {}

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {}
  };
}
