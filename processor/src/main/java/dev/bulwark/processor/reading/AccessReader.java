package dev.bulwark.processor.reading;

import com.palantir.javapoet.ClassName;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.model.AccessModel;
import dev.bulwark.processor.model.ParamModel;
import dev.bulwark.processor.model.ParamSource;
import dev.bulwark.processor.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Resolves an endpoint's access decision and checks the BW1nn rules. The decision is the method's own
 * {@code @Secured} or {@code @Public}; failing that, the {@code @HttpApi} interface's; failing that, the interface that
 * declares the method. A method-level decision replaces the interface's entirely: roles are never merged.
 */
final class AccessReader {
  static final String OWNERSHIP = "dev.bulwark.runtime.security.Ownership";

  private final Types types;
  private final Diagnostics diagnostics;

  AccessReader(Types types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /** The decision, or {@code null} after reporting why there is none. */
  AccessModel read(TypeElement api, ExecutableElement method, Element where, String name, List<ParamModel> params) {
    Element decidedOn = decidingElement(api, method, where, name);
    if (decidedOn == null) {
      return null;
    }
    AnnotationMirror open = Annotations.find(decidedOn, Annotations.PUBLIC);
    Element at = decidedOn == method ? where : (decidedOn == api ? api : where);
    if (open != null) {
      String reason = Annotations.string(open, "reason");
      if (reason.isBlank()) {
        diagnostics.error(at, open, Rule.BW103, name);
        return null;
      }
      return AccessModel.open(reason.strip());
    }
    AnnotationMirror secured = Annotations.find(decidedOn, Annotations.SECURED);
    List<String> roles = strings(secured, "roles");
    List<String> permissions = strings(secured, "permissions");
    List<String> schemes = enumNames(secured, "schemes");
    int before = diagnostics.errorCount();
    if (roles.isEmpty()) {
      diagnostics.error(at, secured, Rule.BW105, name);
    }
    if (schemes.isEmpty()) {
      diagnostics.error(at, secured, Rule.BW111, name);
    }
    AnnotationMirror httpApi = Annotations.find(api, Annotations.HTTP_API);
    checkAgainstSet(roles, httpApi, "roles", Rule.BW104, at, secured, name);
    checkAgainstSet(permissions, httpApi, "permissions", Rule.BW107, at, secured, name);
    AccessModel.Owner owner = owner(secured, at, name, params);
    if (diagnostics.errorCount() > before) {
      return null;
    }
    return new AccessModel(false, "", schemes, roles, permissions, owner);
  }

  private Element decidingElement(TypeElement api, ExecutableElement method, Element where, String name) {
    for (Element candidate : new Element[] {method, api, method.getEnclosingElement()}) {
      boolean secured = Annotations.find(candidate, Annotations.SECURED) != null;
      boolean open = Annotations.find(candidate, Annotations.PUBLIC) != null;
      if (secured && open) {
        diagnostics.error(candidate == method ? where : api, Rule.BW102,
            candidate == method ? name : ((TypeElement) candidate).getSimpleName().toString());
        return null;
      }
      if (secured || open) {
        return candidate;
      }
    }
    diagnostics.error(where, Rule.BW101, name);
    return null;
  }

  private void checkAgainstSet(List<String> values, AnnotationMirror httpApi, String member, Rule rule, Element at,
      AnnotationMirror secured, String name) {
    if (values.isEmpty()) {
      return;
    }
    Object set = Annotations.value(httpApi, member);
    TypeElement setType = set instanceof DeclaredType declared ? (TypeElement) declared.asElement() : null;
    if (setType == null || setType.getQualifiedName().contentEquals("dev.bulwark.annotations.HttpApi.NoRoles")) {
      String singular = member.equals("roles") ? "role" : "permission";
      diagnostics.error(at, secured, Rule.BW106, name, singular + " '" + values.get(0) + "'", singular, member);
      return;
    }
    List<String> constants = new ArrayList<>();
    for (Element e : setType.getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(e.getSimpleName().toString());
      }
    }
    for (String value : values) {
      if (!constants.contains(value)) {
        diagnostics.error(at, secured, rule, value, name, setType.getSimpleName(), String.join(", ", constants));
      }
    }
  }

  private AccessModel.Owner owner(AnnotationMirror secured, Element at, String name, List<ParamModel> params) {
    Object value = Annotations.value(secured, "owner");
    if (!(value instanceof TypeMirror ownerType) || ownerType.getKind() == TypeKind.VOID) {
      return null;
    }
    String param = Annotations.string(secured, "ownerParam");
    String notOwner = Annotations.value(secured, "notOwner").toString();
    ParamModel path = null;
    for (ParamModel p : params) {
      if (p.source() == ParamSource.PATH && p.key().equals(param)) {
        path = p;
      }
    }
    if (path == null) {
      diagnostics.error(at, secured, Rule.BW110, ownerType, name, "the endpoint has no path parameter '" + param + "'");
      return null;
    }
    TypeElement ownerElement = (TypeElement) types.asElement(ownerType);
    if (ownerElement.getKind() != ElementKind.CLASS && ownerElement.getKind() != ElementKind.INTERFACE
        && ownerElement.getKind() != ElementKind.RECORD) {
      diagnostics.error(at, secured, Rule.BW110, ownerType, name, "it is not a class or interface");
      return null;
    }
    TypeMirror id = ownershipArgument(ownerType);
    if (id == null) {
      diagnostics.error(at, secured, Rule.BW110, ownerType, name, "it does not implement " + OWNERSHIP);
      return null;
    }
    TypeMirror boxedParam = path.type().isPrimitive()
        ? types.boxedClass(types.getPrimitiveType(kindOf(path.type().toString()))).asType()
        : null;
    String expected = boxedParam != null ? boxedParam.toString() : path.type().toString();
    if (!types.erasure(id).toString().equals(expected) && !id.toString().equals(expected)) {
      diagnostics.error(at, secured, Rule.BW110, ownerType, name,
          "it checks " + id + " ids but the path parameter '" + param + "' is " + path.type());
      return null;
    }
    return new AccessModel.Owner(ClassName.get(ownerElement), param, notOwner);
  }

  /** The ID of Ownership<ID> among the type's supertypes, or null. */
  private TypeMirror ownershipArgument(TypeMirror type) {
    if (type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(OWNERSHIP)) {
      return declared.getTypeArguments().isEmpty() ? null : declared.getTypeArguments().get(0);
    }
    for (TypeMirror parent : types.directSupertypes(type)) {
      TypeMirror found = ownershipArgument(parent);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static TypeKind kindOf(String primitive) {
    return TypeKind.valueOf(primitive.toUpperCase(java.util.Locale.ROOT));
  }

  private static List<String> strings(AnnotationMirror mirror, String member) {
    List<String> out = new ArrayList<>();
    Object value = Annotations.value(mirror, member);
    if (value instanceof List<?> list) {
      for (Object item : list) {
        out.add(((AnnotationValue) item).getValue().toString());
      }
    }
    return out;
  }

  private static List<String> enumNames(AnnotationMirror mirror, String member) {
    List<String> out = new ArrayList<>();
    Object value = Annotations.value(mirror, member);
    if (value instanceof List<?> list) {
      for (Object item : list) {
        out.add(((VariableElement) ((AnnotationValue) item).getValue()).getSimpleName().toString());
      }
    }
    return out;
  }
}
