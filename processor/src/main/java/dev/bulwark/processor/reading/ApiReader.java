package dev.bulwark.processor.reading;

import com.palantir.javapoet.ClassName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.model.ApiModel;
import dev.bulwark.processor.model.EndpointModel;
import dev.bulwark.processor.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @HttpApi} type into an {@link ApiModel}, or reports every problem it finds and returns empty.
 * Inherited interface methods are included (own methods first, then each super-interface in declaration order) and
 * their generic signatures are resolved as members of the annotated interface.
 */
public final class ApiReader {
  private final Types types;
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final EndpointReader endpoints;

  public ApiReader(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
    this.diagnostics = diagnostics;
    this.endpoints = new EndpointReader(types, elements, diagnostics);
  }

  /** The model of the type, or empty when any rule failed (the failures are reported). */
  public Optional<ApiModel> read(TypeElement type) {
    int errorsBefore = diagnostics.errorCount();
    AnnotationMirror httpApi = Annotations.find(type, Annotations.HTTP_API);
    if (type.getKind() != ElementKind.INTERFACE) {
      diagnostics.error(type, httpApi, Rule.BW001, type.getSimpleName(), kindName(type.getKind()));
      return Optional.empty();
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(type, Rule.BW013, "the type parameter", type.getSimpleName(), type.getTypeParameters().get(0));
      return Optional.empty();
    }
    String base = Annotations.string(httpApi, "value");
    String baseProblem = base.equals("/") ? null : PathSyntax.problem(base);
    if (baseProblem != null) {
      diagnostics.error(type, httpApi, Rule.BW002, base, "@HttpApi on " + type.getSimpleName(), baseProblem);
    }
    String normalizedBase = base.equals("/") ? "" : base;
    DeclaredType self = (DeclaredType) type.asType();
    List<EndpointModel> read = new ArrayList<>();
    Map<String, String> claimed = new LinkedHashMap<>();
    for (ExecutableElement method : methods(type)) {
      Element where = method.getEnclosingElement().equals(type) ? method : type;
      String name = type.getSimpleName() + "." + method.getSimpleName();
      Optional<EndpointModel> endpoint = endpoints.read(self, method, where, name, normalizedBase);
      if (endpoint.isEmpty()) {
        continue;
      }
      EndpointModel e = endpoint.get();
      String key = e.httpMethod() + " " + PathSyntax.shape(e.path());
      String clash = claimed.putIfAbsent(key, name);
      if (clash != null) {
        diagnostics.error(where, Rule.BW005, clash, name, e.httpMethod(), e.path());
        continue;
      }
      read.add(e);
    }
    if (diagnostics.errorCount() > errorsBefore || baseProblem != null) {
      return Optional.empty();
    }
    return Optional.of(new ApiModel(ClassName.get(type), normalizedBase, read));
  }

  /** Abstract methods of the interface and its super-interfaces, overridden ones once, in a stable order. */
  private List<ExecutableElement> methods(TypeElement type) {
    List<ExecutableElement> all = new ArrayList<>();
    collect(type, type, all);
    return all;
  }

  private void collect(TypeElement root, TypeElement current, List<ExecutableElement> into) {
    for (ExecutableElement method : ElementFilter.methodsIn(current.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      boolean overridden = false;
      for (ExecutableElement existing : into) {
        if (existing.getSimpleName().equals(method.getSimpleName()) && elements.overrides(existing, method, root)) {
          overridden = true;
          break;
        }
      }
      if (!overridden) {
        into.add(method);
      }
    }
    for (TypeMirror parent : current.getInterfaces()) {
      collect(root, (TypeElement) types.asElement(parent), into);
    }
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case CLASS -> "class";
      case ENUM -> "enum";
      case RECORD -> "record";
      case ANNOTATION_TYPE -> "annotation type";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
