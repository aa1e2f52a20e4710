package dev.bulwark.processor.reading;

import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.model.AccessModel;
import dev.bulwark.processor.model.EndpointModel;
import dev.bulwark.processor.model.EndpointModel.ResultModel;
import dev.bulwark.processor.model.ParamModel;
import dev.bulwark.processor.model.ParamModel.Arity;
import dev.bulwark.processor.model.ParamSource;
import dev.bulwark.processor.model.Scalar;
import dev.bulwark.processor.rules.Rule;
import dev.bulwark.processor.validation.ValueModel;
import dev.bulwark.processor.validation.ValueReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Reads one endpoint method: its mapping, path, parameters, result and status, checking the structural rules. */
final class EndpointReader {
  private final Types types;
  private final Diagnostics diagnostics;
  private final TypeClassifier classifier;
  private final ParamReader params;
  private final AccessReader access;

  private final ValueReader values;

  EndpointReader(Types types, javax.lang.model.util.Elements elements, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
    this.classifier = new TypeClassifier(types);
    this.params = new ParamReader(classifier, diagnostics);
    this.access = new AccessReader(types, diagnostics);
    this.values = new ValueReader(types, elements, diagnostics);
    this.sensitive = new dev.bulwark.processor.sensitive.SensitiveChecks(diagnostics, elements);
    this.limits = new LimitReader(diagnostics);
  }

  private final LimitReader limits;

  private final dev.bulwark.processor.sensitive.SensitiveChecks sensitive;

  Optional<EndpointModel> read(DeclaredType api, ExecutableElement method, Element where, String name, String base) {
    int errorsBefore = diagnostics.errorCount();
    List<AnnotationMirror> mappings = new ArrayList<>();
    List<String> verbs = new ArrayList<>();
    for (String verb : Annotations.HTTP_METHODS) {
      AnnotationMirror mirror = Annotations.find(method, Annotations.PACKAGE + verb);
      if (mirror != null) {
        mappings.add(mirror);
        verbs.add("@" + verb);
      }
    }
    if (mappings.size() != 1) {
      diagnostics.error(where, Rule.BW011, name,
          mappings.isEmpty() ? "no HTTP method annotation" : "several HTTP method annotations: " + String.join(", ", verbs));
      return Optional.empty();
    }
    AnnotationMirror mapping = mappings.get(0);
    String httpMethod = verbs.get(0).substring(1);
    String template = Annotations.string(mapping, "value");
    String problem = PathSyntax.problem(template);
    if (problem != null) {
      diagnostics.error(where, mapping, Rule.BW002, template, name, problem);
      return Optional.empty();
    }
    String path = PathSyntax.join(base, template);
    List<String> variables = PathSyntax.variables(path);

    ExecutableType resolved = (ExecutableType) types.asMemberOf(api, method);
    List<ParamModel> read = new ArrayList<>();
    Map<String, String> boundKeys = new HashMap<>();
    List<? extends VariableElement> declared = method.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      VariableElement parameter = declared.get(i);
      Element at = where == method ? parameter : where;
      Optional<ParamModel> param = params.read(parameter, resolved.getParameterTypes().get(i), at, name);
      if (param.isEmpty()) {
        continue;
      }
      ParamModel p = param.get();
      if (p.source() != ParamSource.CALLER) {
        TypeMirror resolvedType = resolved.getParameterTypes().get(i);
        boolean body = p.source() == ParamSource.BODY;
        ValueModel checks = values.read(parameter, parameter.asType(), resolvedType, at,
            name + " " + (body ? "body" : p.fieldPath()), true, body);
        if (checks == null) {
          continue;
        }
        p = p.withValidation(checks);
      }
      if (p.source() == ParamSource.PATH && !variables.contains(p.key())) {
        diagnostics.error(at, Rule.BW004, p.key(), name, path, p.key());
      }
      if (p.source() != ParamSource.BODY && p.source() != ParamSource.CALLER) {
        String key = p.source() + ":" + (p.source() == ParamSource.HEADER ? p.key().toLowerCase(Locale.ROOT) : p.key());
        String other = boundKeys.putIfAbsent(key, p.name());
        if (other != null) {
          diagnostics.error(at, Rule.BW014, other, p.name(), name, p.fieldPath());
        }
      }
      read.add(p);
    }
    for (String variable : variables) {
      boolean bound = read.stream().anyMatch(p -> p.source() == ParamSource.PATH && p.key().equals(variable));
      if (!bound && diagnostics.errorCount() == errorsBefore) {
        diagnostics.error(where, Rule.BW003, variable, httpMethod + " " + path + " (" + name + ")", variable, variable);
      }
    }
    long callers = read.stream().filter(p -> p.source() == ParamSource.CALLER).count();
    if (callers > 1) {
      diagnostics.error(where, Rule.BW112, name, callers);
    }
    long bodies = read.stream().filter(p -> p.source() == ParamSource.BODY).count();
    if (bodies > 1) {
      diagnostics.error(where, Rule.BW010, name, bodies);
    }
    if (bodies > 0 && (httpMethod.equals("GET") || httpMethod.equals("DELETE"))) {
      diagnostics.error(where, Rule.BW009, name, httpMethod);
    }
    ResultModel result = result(resolved.getReturnType(), where, name);
    if (result != null && result.kind() != ResultModel.Kind.VOID) {
      sensitive.checkResult(resolved.getReturnType(), where, name);
    }
    for (int i = 0; i < declared.size(); i++) {
      if (Annotations.find(declared.get(i), Annotations.BODY) != null) {
        sensitive.checkBody(resolved.getParameterTypes().get(i), where == method ? declared.get(i) : where, name);
      }
    }
    int status = status(method, where, name, result);
    AccessModel decision = access.read((TypeElement) api.asElement(), method, where, name, read);
    if (decision != null) {
      for (ParamModel p : read) {
        boolean optional = p.arity() == Arity.OPTIONAL;
        if (p.source() == ParamSource.CALLER && optional != decision.isPublic()) {
          diagnostics.error(where == method ? parameterNamed(method, p.name()) : where, Rule.BW109, p.name(), name,
              optional ? "Optional" : "required", decision.isPublic() ? "@Public" : "@Secured");
        }
      }
    }
    TypeMirror bodyType = null;
    for (int i = 0; i < declared.size(); i++) {
      if (Annotations.find(declared.get(i), Annotations.BODY) != null) {
        bodyType = resolved.getParameterTypes().get(i);
      }
    }
    List<dev.bulwark.processor.model.LimitModel> limitModels =
        limits.read((TypeElement) api.asElement(), method, where, name, httpMethod, decision, read, bodyType);
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new EndpointModel(method.getSimpleName().toString(), httpMethod, path, read, result, status,
        decision, limitModels));
  }

  private static Element parameterNamed(ExecutableElement method, String name) {
    for (VariableElement p : method.getParameters()) {
      if (p.getSimpleName().contentEquals(name)) {
        return p;
      }
    }
    return method;
  }

  private ResultModel result(TypeMirror type, Element where, String name) {
    if (type.getKind() == TypeKind.VOID) {
      return new ResultModel(ResultModel.Kind.VOID, TypeName.VOID);
    }
    TypeMirror unresolved = TypeClassifier.unresolved(type);
    if (unresolved != null) {
      if (unresolved.getKind() == TypeKind.TYPEVAR) {
        diagnostics.error(where, Rule.BW013, "the result", name, unresolved);
      } else {
        diagnostics.error(where, Rule.BW008, name, type);
      }
      return null;
    }
    if (type.getKind().isPrimitive()) {
      return new ResultModel(ResultModel.Kind.VALUE, TypeName.get(type).box());
    }
    TypeMirror optional = classifier.argumentOf(type, "java.util.Optional");
    if (optional != null) {
      if (supportedValue(optional)) {
        return new ResultModel(ResultModel.Kind.OPTIONAL, TypeName.get(optional));
      }
      diagnostics.error(where, Rule.BW008, name, type);
      return null;
    }
    if (!supportedValue(type)) {
      diagnostics.error(where, Rule.BW008, name, type);
      return null;
    }
    return new ResultModel(ResultModel.Kind.VALUE, TypeName.get(type));
  }

  /** A JSON value: not Object, not a raw Optional, not a nested Optional, not a future or stream. */
  private boolean supportedValue(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return true;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    String qualified = ((javax.lang.model.element.TypeElement) ((DeclaredType) type).asElement())
        .getQualifiedName().toString();
    return !qualified.equals("java.lang.Object")
        && !qualified.equals("java.util.Optional")
        && !qualified.startsWith("java.util.concurrent.")
        && !qualified.startsWith("java.util.stream.")
        && !qualified.equals("java.lang.Void");
  }

  private int status(ExecutableElement method, Element where, String name, ResultModel result) {
    AnnotationMirror mirror = Annotations.find(method, Annotations.STATUS);
    if (mirror == null) {
      return result != null && result.kind() == ResultModel.Kind.VOID ? 204 : 200;
    }
    int status = (Integer) Annotations.value(mirror, "value");
    if (status < 200 || status > 299) {
      diagnostics.error(where, mirror, Rule.BW012, status, name);
    }
    return status;
  }
}
