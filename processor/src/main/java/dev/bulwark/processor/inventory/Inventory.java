package dev.bulwark.processor.inventory;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.model.AccessModel;
import dev.bulwark.processor.model.ApiModel;
import dev.bulwark.processor.model.EndpointModel;
import dev.bulwark.processor.model.LimitModel;
import dev.bulwark.processor.model.ParamModel;
import dev.bulwark.processor.model.ParamSource;
import dev.bulwark.processor.openapi.JsonText;
import dev.bulwark.processor.openapi.ModelFields;
import dev.bulwark.processor.openapi.Schemas;
import dev.bulwark.processor.validation.Constraint;
import dev.bulwark.processor.validation.ValidatedType;
import dev.bulwark.processor.validation.ValueModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The security inventory of a compilation: every endpoint of every {@code @HttpApi} interface with its access
 * decision, ownership check, authentication schemes, rate limits, validated and sanitized inputs, response and waived
 * rules, sorted by path then method so a diff in review shows exactly what changed. Written as JSON for tools and as a
 * Markdown report for people; the format is described in docs/inventory.md.
 */
public final class Inventory {
  /** Where the JSON inventory goes in the class output. */
  public static final String JSON = "META-INF/bulwark/inventory.json";
  /** Where the readable report goes. */
  public static final String MARKDOWN = "META-INF/bulwark/inventory.md";
  /** The version of the JSON format; raised when a field changes meaning or goes away. */
  static final int FORMAT_VERSION = 1;

  private final Elements elements;
  private final Schemas schemas;
  private final List<Map<String, Object>> endpoints = new ArrayList<>();
  private final Set<String> apis = new TreeSet<>();

  public Inventory(Elements elements, Schemas schemas) {
    this.elements = elements;
    this.schemas = schemas;
  }

  /** Reads the endpoints of one API; {@code type} is its interface, where the waivers are written. */
  public void add(ApiModel api, TypeElement type) {
    apis.add(api.interfaceName().canonicalName());
    for (EndpointModel e : api.endpoints()) {
      endpoints.add(endpoint(api, type, e));
    }
  }

  /** Whether any API was read. */
  public boolean isEmpty() {
    return apis.isEmpty();
  }

  /** The endpoints, sorted by path, then method. */
  List<Map<String, Object>> sorted() {
    List<Map<String, Object>> out = new ArrayList<>(endpoints);
    out.sort(Comparator.<Map<String, Object>, String>comparing(m -> (String) m.get("path"))
        .thenComparing(m -> (String) m.get("method")));
    return out;
  }

  /** The JSON inventory. */
  public String json() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", "bulwark-inventory");
    doc.put("version", FORMAT_VERSION);
    doc.put("apis", new ArrayList<>(apis));
    doc.put("endpoints", sorted());
    return JsonText.write(doc);
  }

  /** The readable report. */
  public String markdown() {
    return InventoryReport.markdown(new ArrayList<>(apis), sorted());
  }

  private Map<String, Object> endpoint(ApiModel api, TypeElement type, EndpointModel e) {
    String apiName = String.join(".", api.interfaceName().simpleNames());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", e.httpMethod());
    out.put("path", e.path());
    out.put("api", api.interfaceName().canonicalName());
    out.put("javaMethod", e.methodName());
    out.put("access", access(e.access()));
    AccessModel.Owner owner = e.access().owner();
    if (owner == null) {
      out.put("ownership", null);
    } else {
      Map<String, Object> ownership = new LinkedHashMap<>();
      ownership.put("param", owner.param());
      ownership.put("checker", owner.type().canonicalName());
      ownership.put("notOwner", owner.notOwner());
      out.put("ownership", ownership);
    }
    out.put("authentication", e.access().isPublic() ? List.of() : e.access().schemes());
    List<Object> limits = new ArrayList<>();
    for (LimitModel limit : e.limits()) {
      limits.add(ModelFields.of(limit));
    }
    out.put("rateLimits", limits);
    List<Object> params = new ArrayList<>();
    Map<String, Object> body = null;
    for (ParamModel p : e.params()) {
      if (p.source() == ParamSource.BODY) {
        body = body(p);
      } else if (p.source() != ParamSource.CALLER) {
        params.add(param(p));
      }
    }
    out.put("params", params);
    out.put("body", body);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", e.status());
    response.put("kind", e.result() == null ? "VOID" : e.result().kind().name());
    response.put("type", e.result() == null || e.result().kind() == EndpointModel.ResultModel.Kind.VOID ? null
        : e.result().type().withoutAnnotations().toString());
    out.put("response", response);
    out.put("waivers", waivers(apiName, type, e));
    return out;
  }

  private static Map<String, Object> access(AccessModel access) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (access.isPublic()) {
      out.put("decision", "public");
      out.put("reason", access.reason());
    } else {
      out.put("decision", "secured");
      out.put("roles", access.roles());
      out.put("permissions", access.permissions());
    }
    return out;
  }

  private Map<String, Object> param(ParamModel p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    out.put("in", p.source().fieldPrefix());
    out.put("key", p.key());
    out.put("field", p.fieldPath());
    out.put("type", p.type().withoutAnnotations().toString());
    out.put("arity", p.arity().name());
    List<Map<String, Object>> fields = new ArrayList<>();
    fields(p.fieldPath(), p.validation(), fields, 0);
    out.put("checks", fields);
    return out;
  }

  private Map<String, Object> body(ParamModel p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    out.put("type", p.type().withoutAnnotations().toString());
    List<Map<String, Object>> fields = new ArrayList<>();
    fields("body", p.validation(), fields, 0);
    out.put("fields", fields);
    out.put("sanitized", fields.stream().filter(f -> f.get("sanitize") != null).map(f -> f.get("field")).toList());
    return out;
  }

  /**
   * Every checked value under {@code field}: its constraints and sanitizing, then its elements ({@code field[]}), map
   * values ({@code field{}}) and the components of a validated record it cascades into ({@code field.name}).
   */
  private void fields(String field, ValueModel value, List<Map<String, Object>> out, int depth) {
    if (value == null || depth > 16) {
      return;
    }
    if (value.shape() == ValueModel.Shape.OPTIONAL) {
      fields(field, value.element(), out, depth + 1);
      return;
    }
    if (!value.constraints().isEmpty() || value.sanitize() != null) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("field", field);
      entry.put("type", value.type().withoutAnnotations().toString());
      List<Object> constraints = new ArrayList<>();
      for (Constraint c : value.constraints()) {
        constraints.add(constraint(c));
      }
      entry.put("constraints", constraints);
      if (value.sanitize() == null) {
        entry.put("sanitize", null);
      } else {
        Map<String, Object> sanitize = new LinkedHashMap<>();
        sanitize.put("policy", value.sanitize().policy());
        sanitize.put("custom", value.sanitize().custom() == null || value.sanitize().custom().isEmpty()
            ? null : value.sanitize().custom());
        sanitize.put("mode", value.sanitize().mode());
        entry.put("sanitize", sanitize);
      }
      entry.put("sensitive", false);
      out.add(entry);
    }
    fields(field + "[]", value.element(), out, depth + 1);
    fields(field + "{}", value.mapValue(), out, depth + 1);
    if (value.cascade() != null) {
      String record = recordName(value.type());
      ValidatedType validated = record == null ? null : schemas.validatedType(record).orElse(null);
      if (validated != null) {
        TypeElement element = elements.getTypeElement(record);
        for (ValidatedType.Component c : validated.components()) {
          String name = field + "." + c.name();
          int before = out.size();
          fields(name, c.value(), out, depth + 1);
          if (isSensitiveInput(element, c.name())) {
            if (out.size() == before || !name.equals(out.get(before).get("field"))) {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("field", name);
              entry.put("type", c.value().type().withoutAnnotations().toString());
              entry.put("constraints", List.of());
              entry.put("sanitize", null);
              entry.put("sensitive", true);
              out.add(before, entry);
            }
            out.get(before).put("sensitive", true);
          }
        }
      }
    }
  }

  private static boolean isSensitiveInput(TypeElement record, String component) {
    if (record == null) {
      return false;
    }
    for (RecordComponentElement c : record.getRecordComponents()) {
      if (c.getSimpleName().contentEquals(component)) {
        return Schemas.sensitiveInput(record, c);
      }
    }
    return false;
  }

  /** A constraint as {@code {"kind": "Size", "min": 0, "max": 200, "message": ...}}, with the attributes it uses. */
  static Map<String, Object> constraint(Constraint c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", c.kind().annotation().substring(1));
    switch (c.kind()) {
      case SIZE -> {
        out.put("min", c.min());
        out.put("max", c.max());
      }
      case MIN -> out.put("value", c.min());
      case MAX -> out.put("value", c.max());
      case DECIMAL_MIN, DECIMAL_MAX -> {
        out.put("value", c.decimal());
        out.put("inclusive", c.inclusive());
      }
      case DIGITS -> {
        out.put("integer", c.min());
        out.put("fraction", c.max());
      }
      case PATTERN -> {
        out.put("regexp", c.regexp());
        out.put("flags", c.flags());
      }
      case OUTBOUND_URL -> {
        out.put("schemes", List.of(c.regexp().split(",")));
        out.put("maxLength", c.max());
      }
      case CUSTOM -> out.put("check", c.decimal());
      default -> { }
    }
    out.put("message", c.message());
    return out;
  }

  private static String recordName(TypeName type) {
    TypeName t = type.withoutAnnotations();
    if (t instanceof ParameterizedTypeName p) {
      return p.rawType().canonicalName();
    }
    return t instanceof ClassName c ? c.canonicalName() : null;
  }

  /**
   * The waivers that concern the endpoint: on its interface, its method and parameters, and the fields of the
   * records it reads or returns (at any depth).
   */
  private List<Map<String, Object>> waivers(String apiName, TypeElement type, EndpointModel e) {
    List<Map<String, Object>> out = new ArrayList<>(WaiverList.on(type, apiName));
    ExecutableElement method = method(type, e);
    if (method != null) {
      String where = apiName + "." + e.methodName();
      out.addAll(WaiverList.on(method, where));
      for (VariableElement p : method.getParameters()) {
        out.addAll(WaiverList.on(p, where + "(" + p.getSimpleName() + ")"));
      }
    }
    Set<String> records = new LinkedHashSet<>();
    for (ParamModel p : e.params()) {
      if (p.source() == ParamSource.BODY) {
        records(p.type(), records, 0);
      }
    }
    if (e.result() != null) {
      records(e.result().type(), records, 0);
    }
    for (String record : records) {
      TypeElement element = elements.getTypeElement(record);
      String simple = String.join(".", ClassName.get(element).simpleNames());
      out.addAll(WaiverList.on(element, simple));
      for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
        if (!field.getModifiers().contains(Modifier.STATIC)) {
          out.addAll(WaiverList.on(field, simple + "." + field.getSimpleName()));
        }
      }
    }
    return out;
  }

  /** The records a type is made of: itself, its type arguments, array components, and their components in turn. */
  private void records(TypeName type, Set<String> into, int depth) {
    TypeName t = type.withoutAnnotations();
    if (depth > 16) {
      return;
    }
    if (t instanceof ArrayTypeName a) {
      records(a.componentType(), into, depth + 1);
      return;
    }
    if (t instanceof ParameterizedTypeName p) {
      p.typeArguments().forEach(arg -> records(arg, into, depth + 1));
    }
    String name = recordName(t);
    TypeElement element = name == null ? null : elements.getTypeElement(name);
    if (element != null && element.getKind() == ElementKind.RECORD && into.add(name)) {
      for (RecordComponentElement c : element.getRecordComponents()) {
        records(TypeName.get(c.asType()), into, depth + 1);
      }
    }
  }

  /** The interface method (own or inherited) the endpoint was read from. */
  private static ExecutableElement method(TypeElement type, EndpointModel e) {
    List<String> names = e.params().stream().map(ParamModel::name).toList();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(e.methodName())
          && m.getParameters().stream().map(p -> p.getSimpleName().toString()).toList().equals(names)) {
        return m;
      }
    }
    for (TypeMirror parent : type.getInterfaces()) {
      if (parent instanceof DeclaredType declared) {
        ExecutableElement found = method((TypeElement) declared.asElement(), e);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
