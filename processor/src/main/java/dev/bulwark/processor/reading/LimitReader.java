package dev.bulwark.processor.reading;

import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.model.AccessModel;
import dev.bulwark.processor.model.LimitModel;
import dev.bulwark.processor.model.ParamModel;
import dev.bulwark.processor.model.ParamSource;
import dev.bulwark.processor.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads an endpoint's {@code @RateLimited} limits (the method's own replace the interface's) and checks the BW3nn
 * rules: a positive capacity, a period that parses, no per-caller key on a public endpoint, a limit on every public
 * endpoint that changes state, and failure-only limits per client and per account on every credential endpoint.
 */
final class LimitReader {
  /** The same grammar as the runtime's {@code PeriodParser}. */
  private static final Pattern PERIOD = Pattern.compile("[1-9][0-9]{0,8}(ms|s|m|h|d)");
  static final String RATE_LIMITED = Annotations.PACKAGE + "RateLimited";
  static final String RATE_LIMITED_LIST = Annotations.PACKAGE + "RateLimited.List";

  private final Diagnostics diagnostics;

  LimitReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The limits, or {@code null} after reporting. */
  List<LimitModel> read(TypeElement api, ExecutableElement method, Element where, String name, String httpMethod,
      AccessModel access, List<ParamModel> params, TypeMirror bodyType) {
    int before = diagnostics.errorCount();
    List<AnnotationMirror> mirrors = limitsOn(method);
    Element at = where;
    if (mirrors.isEmpty()) {
      mirrors = limitsOn(api);
    }
    List<LimitModel> limits = new ArrayList<>();
    for (int i = 0; i < mirrors.size(); i++) {
      AnnotationMirror m = mirrors.get(i);
      long capacity = ((Number) Annotations.value(m, "capacity")).longValue();
      String period = Annotations.string(m, "period");
      String key = Annotations.value(m, "key").toString();
      boolean failuresOnly = Boolean.TRUE.equals(Annotations.value(m, "failuresOnly"));
      String account = Annotations.string(m, "account");
      if (capacity <= 0) {
        diagnostics.error(at, m, Rule.BW301, name, capacity);
      }
      if (!PERIOD.matcher(period).matches()) {
        diagnostics.error(at, m, Rule.BW302, name, period);
      }
      if (access != null && access.isPublic() && (key.equals("PRINCIPAL") || key.equals("API_KEY"))) {
        diagnostics.error(at, m, Rule.BW303, key, name);
      }
      if (key.equals("ACCOUNT")) {
        String problem = accountProblem(account, params, bodyType);
        if (problem != null) {
          diagnostics.error(at, m, Rule.BW306, name, problem);
        }
      }
      limits.add(new LimitModel(name.replace('/', '.') + "." + (i + 1), capacity, period, key, failuresOnly, account));
    }
    boolean changesState = !httpMethod.equals("GET");
    if (access != null && access.isPublic() && changesState && limits.isEmpty()) {
      diagnostics.error(where, Rule.BW304, name, httpMethod);
    }
    if (takesPassword(bodyType)) {
      boolean perClient = limits.stream().anyMatch(l -> l.failuresOnly() && l.key().equals("CLIENT_IP"));
      boolean perAccount = limits.stream().anyMatch(l -> l.failuresOnly() && l.key().equals("ACCOUNT"));
      if (!perClient || !perAccount) {
        diagnostics.error(where, Rule.BW305, name, !perClient && !perAccount
            ? "failure-counting limits per client IP and per account"
            : !perClient ? "a failure-counting limit per client IP" : "a failure-counting limit per account");
      }
    }
    return diagnostics.errorCount() > before ? null : limits;
  }

  private static String accountProblem(String account, List<ParamModel> params, TypeMirror bodyType) {
    if (account.isEmpty()) {
      return "no account component is named";
    }
    if (bodyType == null || bodyType.getKind() != TypeKind.DECLARED) {
      return "the endpoint has no record @Body";
    }
    TypeElement body = (TypeElement) ((DeclaredType) bodyType).asElement();
    if (body.getKind() == ElementKind.RECORD) {
      for (var component : body.getRecordComponents()) {
        if (component.getSimpleName().contentEquals(account)
            && com.palantir.javapoet.TypeName.get(component.asType()).withoutAnnotations().toString()
                .equals("java.lang.String")) {
          return null;
        }
      }
    }
    return "the body " + body.getSimpleName() + " has no String component '" + account + "'";
  }

  /** A credential endpoint: its body record has a component called password (or passphrase). */
  static boolean takesPassword(TypeMirror bodyType) {
    if (bodyType == null || bodyType.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement body = (TypeElement) ((DeclaredType) bodyType).asElement();
    if (body.getKind() != ElementKind.RECORD) {
      return false;
    }
    for (var component : body.getRecordComponents()) {
      String n = component.getSimpleName().toString().toLowerCase(java.util.Locale.ROOT);
      if (n.equals("password") || n.equals("passphrase") || n.equals("currentpassword")) {
        return true;
      }
    }
    return false;
  }

  private static List<AnnotationMirror> limitsOn(Element element) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      String n = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
      if (n.equals(RATE_LIMITED)) {
        out.add(m);
      } else if (n.equals(RATE_LIMITED_LIST)) {
        for (Object item : (List<?>) Annotations.value(m, "value")) {
          out.add((AnnotationMirror) ((AnnotationValue) item).getValue());
        }
      }
    }
    return out;
  }

}
