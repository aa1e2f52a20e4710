package dev.bulwark.processor.sensitive;

import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.rules.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The compile-time hygiene of sensitive data. A response type is followed through records, collections, maps,
 * {@code Optional}, arrays and generic arguments: a {@code @Sensitive} value anywhere in it is BW501, a component whose
 * name sounds secret and says nothing is BW503. A request body carrying a {@code @Sensitive} value it does not
 * declare as input is BW504. Any record met with a {@code @Sensitive} component must override {@code toString}
 * (BW502), and {@code @NotSensitive} needs a reason (BW505).
 */
public final class SensitiveChecks {
  static final String SENSITIVE = "dev.bulwark.annotations.Sensitive";
  static final String NOT_SENSITIVE = "dev.bulwark.annotations.NotSensitive";
  private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "token", "apikey",
      "api_key", "otp", "recoverycode", "recovery_code", "privatekey", "private_key", "credential", "salt", "pin");

  private final Diagnostics diagnostics;
  private final javax.lang.model.util.Elements elements;

  public SensitiveChecks(Diagnostics diagnostics, javax.lang.model.util.Elements elements) {
    this.diagnostics = diagnostics;
    this.elements = elements;
  }

  /** Checks what an endpoint returns. */
  public void checkResult(TypeMirror result, Element where, String endpoint) {
    walk(result, where, endpoint, true, String.valueOf(result), new HashSet<>(), 0);
  }

  /** Checks what an endpoint accepts as its body. */
  public void checkBody(TypeMirror body, Element where, String endpoint) {
    walk(body, where, endpoint, false, String.valueOf(body), new HashSet<>(), 0);
  }

  private void walk(TypeMirror type, Element where, String endpoint, boolean response, String shown, Set<String> seen,
      int depth) {
    if (depth > 32) {
      return;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      walk(((ArrayType) type).getComponentType(), where, endpoint, response, shown, seen, depth + 1);
      return;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return;
    }
    DeclaredType declared = (DeclaredType) type;
    for (TypeMirror argument : declared.getTypeArguments()) {
      walk(argument, where, endpoint, response, shown, seen, depth + 1);
    }
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    if (name.startsWith("java.") || !seen.add(name) || element.getKind() != ElementKind.RECORD) {
      return;
    }
    checkToString(element);
    for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
      if (field.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      AnnotationMirror sensitive = find(field, SENSITIVE);
      AnnotationMirror notSensitive = find(field, NOT_SENSITIVE);
      String component = element.getSimpleName() + "." + field.getSimpleName();
      if (notSensitive != null && (sensitive != null || string(notSensitive, "reason").isBlank())) {
        diagnostics.error(field, Rule.BW505, component);
      }
      if (sensitive != null) {
        if (response) {
          diagnostics.error(where, Rule.BW501, endpoint, shown, component);
        } else if (!"true".equals(String.valueOf(value(sensitive, "input")))) {
          diagnostics.error(where, Rule.BW504, endpoint, shown, component);
        }
      } else if (response && notSensitive == null && soundsSecret(field.getSimpleName().toString())) {
        diagnostics.error(where, Rule.BW503, endpoint, shown, component);
      }
      walk(field.asType(), where, endpoint, response, shown, seen, depth + 1);
    }
  }

  /** BW502 for a record wherever it is used: one with a {@code @Sensitive} component must override toString. */
  public void checkRecord(TypeElement record) {
    if (record.getKind() == ElementKind.RECORD) {
      checkToString(record);
    }
  }

  private void checkToString(TypeElement record) {
    VariableElement first = null;
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (!field.getModifiers().contains(Modifier.STATIC) && find(field, SENSITIVE) != null) {
        first = field;
        break;
      }
    }
    if (first == null) {
      return;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(record.getEnclosedElements())) {
      // javac lists a record's implicitly declared toString among its members too, as EXPLICIT; JLS 8.10.3 makes
      // that one final, so a non-final toString is one the user wrote.
      if (method.getSimpleName().contentEquals("toString") && method.getParameters().isEmpty()
          && elements.getOrigin(method) == javax.lang.model.util.Elements.Origin.EXPLICIT
          && !method.getModifiers().contains(Modifier.FINAL)) {
        return;
      }
    }
    diagnostics.error(first, Rule.BW502, record.getSimpleName(), first.getSimpleName(), record.getSimpleName());
  }

  /** Whether a component name sounds like a secret: password, secret, token, apiKey, otp, recoveryCode, ... */
  static boolean soundsSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) {
        return !(word.equals("pin") && !lower.equals("pin") && !lower.endsWith("pin"));
      }
    }
    return false;
  }

  private static AnnotationMirror find(Element element, String name) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
        return m;
      }
    }
    return null;
  }

  private static Object value(AnnotationMirror mirror, String member) {
    for (var e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue().getValue();
      }
    }
    return null;
  }

  private static String string(AnnotationMirror mirror, String member) {
    Object v = value(mirror, member);
    return v == null ? "" : v.toString();
  }

}
