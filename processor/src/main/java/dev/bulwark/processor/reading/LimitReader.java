package dev.bulwark.processor.reading;

import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.model.AccessModel;
import dev.bulwark.processor.model.LimitModel;
import dev.bulwark.processor.model.ParamModel;
import dev.bulwark.processor.model.ParamSource;
import dev.bulwark.processor.rules.Rule;
import dev.bulwark.processor.validation.Constraint;
import dev.bulwark.processor.validation.ValueModel;
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

  /** A name's limit must read the same wherever it is declared: what it is and where it was first seen. */
  private record Shared(String shape, String endpoint) {}

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern TIER = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  /** Query parameters that set how many rows a request returns. */
  private static final java.util.Set<String> PAGE_SIZES = java.util.Set.of("limit", "size", "pagesize", "page_size",
      "page-size", "perpage", "per_page", "per-page", "count", "top", "first", "take", "max", "maxresults");
  /** The largest @Max a page size may have. */
  static final long MAX_PAGE_SIZE = 1000;

  private final java.util.Map<String, Shared> named = new java.util.HashMap<>();

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
      String limitName = Annotations.string(m, "name");
      String tier = Annotations.string(m, "tier");
      Object policy = Annotations.value(m, "onStoreFailure");
      boolean failOpen = policy != null && policy.toString().equals("FAIL_OPEN");
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
      if (!limitName.isEmpty() && !NAME.matcher(limitName).matches()) {
        diagnostics.error(at, m, Rule.BW310, name, "name", limitName);
      }
      if (!tier.isEmpty()) {
        if (!TIER.matcher(tier).matches()) {
          diagnostics.error(at, m, Rule.BW310, name, "tier", tier);
        } else if (!(key.equals("PRINCIPAL") || key.equals("API_KEY")) || failuresOnly) {
          diagnostics.error(at, m, Rule.BW307, tier, name, failuresOnly ? key + " with failuresOnly" : key);
        }
      }
      String bucket = limitName.isEmpty() ? name.replace('/', '.') + "." + (i + 1) : limitName;
      LimitModel limit = new LimitModel(bucket, capacity, period, key, failuresOnly, account, tier, failOpen,
          !limitName.isEmpty());
      if (limit.named() && NAME.matcher(limitName).matches()) {
        String shape = capacity + " per " + period + " by " + key + (failuresOnly ? " counting failures" : "")
            + (tier.isEmpty() ? "" : " for tier " + tier) + (failOpen ? " failing open" : "");
        Shared first = named.putIfAbsent(limitName, new Shared(shape, name));
        if (first != null && !first.shape().equals(shape)) {
          diagnostics.error(at, m, Rule.BW309, limitName, shape, name, first.shape(), first.endpoint());
        }
      }
      limits.add(limit);
    }
    java.util.Set<String> tiers = new java.util.TreeSet<>();
    boolean untieredPerCaller = false;
    for (LimitModel l : limits) {
      if (!l.tier().isEmpty()) {
        tiers.add(l.tier());
      } else if (l.perCaller() && !l.failuresOnly()) {
        untieredPerCaller = true;
      }
    }
    if (!tiers.isEmpty() && !untieredPerCaller) {
      diagnostics.error(where, Rule.BW308, name, String.join(", ", tiers));
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
    checkPageSizes(method, where, name, params);
    return diagnostics.errorCount() > before ? null : limits;
  }

  /** BW311: a query parameter that sets a page size is an integer with an {@code @Max} of at most 1000. */
  private void checkPageSizes(ExecutableElement method, Element where, String name, List<ParamModel> params) {
    for (ParamModel p : params) {
      if (p.source() != ParamSource.QUERY || !PAGE_SIZES.contains(p.key().toLowerCase(java.util.Locale.ROOT))
          || p.validation() == null || !integral(p.validation())) {
        continue;
      }
      long max = max(p.validation());
      if (max <= MAX_PAGE_SIZE) {
        continue;
      }
      Element at = where;
      if (where == method) {
        for (var parameter : method.getParameters()) {
          if (parameter.getSimpleName().contentEquals(p.name())) {
            at = parameter;
          }
        }
      }
      diagnostics.error(at, Rule.BW311, name, p.key(),
          max == Long.MAX_VALUE ? "with no @Max" : "with @Max(" + max + "), over " + MAX_PAGE_SIZE);
    }
  }

  private static boolean integral(ValueModel value) {
    ValueModel v = value;
    while (v != null && (v.shape() == ValueModel.Shape.OPTIONAL || v.shape() == ValueModel.Shape.COLLECTION)) {
      v = v.element();
    }
    return v != null && (v.shape() == ValueModel.Shape.INTEGRAL || v.shape() == ValueModel.Shape.BIG_INTEGER);
  }

  /** The smallest @Max on the value or the values it wraps, or Long.MAX_VALUE when there is none. */
  private static long max(ValueModel value) {
    long max = Long.MAX_VALUE;
    for (ValueModel v = value; v != null; v = v.element()) {
      for (Constraint c : v.constraints()) {
        if (c.kind() == Constraint.Kind.MAX) {
          max = Math.min(max, c.max());
        }
      }
    }
    return max;
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
