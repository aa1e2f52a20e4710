package dev.bulwark.processor.reading;

import com.palantir.javapoet.TypeName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.model.ParamModel;
import dev.bulwark.processor.model.ParamModel.Arity;
import dev.bulwark.processor.model.ParamSource;
import dev.bulwark.processor.model.Scalar;
import dev.bulwark.processor.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Reads one endpoint parameter: exactly one source annotation, and a type that source can bind. */
final class ParamReader {
  static final String PRINCIPAL = "dev.bulwark.auth.Principal";

  private final TypeClassifier classifier;
  private final Diagnostics diagnostics;

  ParamReader(TypeClassifier classifier, Diagnostics diagnostics) {
    this.classifier = classifier;
    this.diagnostics = diagnostics;
  }

  Optional<ParamModel> read(VariableElement parameter, TypeMirror type, Element at, String endpoint) {
    String name = parameter.getSimpleName().toString();
    List<String> found = new ArrayList<>();
    AnnotationMirror source = null;
    ParamSource kind = null;
    for (ParamSource candidate : ParamSource.values()) {
      AnnotationMirror mirror = Annotations.find(parameter, annotationOf(candidate));
      if (mirror != null) {
        found.add("@" + annotationOf(candidate).substring(Annotations.PACKAGE.length()));
        source = mirror;
        kind = candidate;
      }
    }
    if (found.size() != 1) {
      diagnostics.error(at, Rule.BW006, name, endpoint,
          found.isEmpty() ? "no source annotation" : "several source annotations: " + String.join(", ", found));
      return Optional.empty();
    }
    TypeMirror unresolved = TypeClassifier.unresolved(type);
    if (unresolved != null && unresolved.getKind() == TypeKind.TYPEVAR) {
      diagnostics.error(at, Rule.BW013, "the parameter " + name, endpoint, unresolved);
      return Optional.empty();
    }
    String where = kind.fieldPrefix();
    if (kind == ParamSource.CALLER) {
      if (isPrincipal(type)) {
        return Optional.of(new ParamModel(name, TypeName.get(type), kind, "", null, Arity.REQUIRED));
      }
      TypeMirror inner = classifier.argumentOf(type, "java.util.Optional");
      if (inner != null && isPrincipal(inner)) {
        return Optional.of(new ParamModel(name, TypeName.get(type), kind, "", null, Arity.OPTIONAL));
      }
      diagnostics.error(at, Rule.BW108, name, endpoint, type);
      return Optional.empty();
    }
    if (kind == ParamSource.BODY) {
      if (unresolved != null || !isBodyType(type)) {
        diagnostics.error(at, Rule.BW007, "body", name, endpoint, type);
        return Optional.empty();
      }
      return Optional.of(new ParamModel(name, TypeName.get(type), kind, "", null, Arity.REQUIRED));
    }
    String key = Annotations.string(source, "value");
    Scalar scalar = classifier.scalar(type);
    Arity arity = Arity.REQUIRED;
    if (scalar == null && kind != ParamSource.PATH) {
      TypeMirror inner = classifier.argumentOf(type, "java.util.Optional");
      if (inner != null) {
        scalar = classifier.scalar(inner);
        arity = Arity.OPTIONAL;
      } else if (kind == ParamSource.QUERY && (inner = classifier.argumentOf(type, "java.util.List")) != null) {
        scalar = classifier.scalar(inner);
        arity = Arity.LIST;
      }
    }
    if (scalar == null || (arity != Arity.REQUIRED && scalar.type().isPrimitive())) {
      diagnostics.error(at, Rule.BW007, where, name, endpoint, type);
      return Optional.empty();
    }
    if (key.isEmpty()) {
      diagnostics.error(at, source, Rule.BW006, name, endpoint, "an empty name in its source annotation");
      return Optional.empty();
    }
    return Optional.of(new ParamModel(name, TypeName.get(type), kind, key, scalar, arity));
  }

  private static boolean isPrincipal(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((javax.lang.model.element.TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
            .contentEquals(PRINCIPAL);
  }

  private boolean isBodyType(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return true;
    }
    if (type.getKind() != TypeKind.DECLARED || classifier.scalar(type) != null) {
      return false;
    }
    String qualified = ((javax.lang.model.element.TypeElement) ((DeclaredType) type).asElement())
        .getQualifiedName().toString();
    return !qualified.equals("java.lang.Object") && !qualified.equals("java.util.Optional");
  }

  private static String annotationOf(ParamSource source) {
    return switch (source) {
      case PATH -> Annotations.PATH_PARAM;
      case QUERY -> Annotations.QUERY_PARAM;
      case HEADER -> Annotations.HEADER_PARAM;
      case BODY -> Annotations.BODY;
      case CALLER -> Annotations.CALLER;
    };
  }
}
