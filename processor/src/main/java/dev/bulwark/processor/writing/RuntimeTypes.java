package dev.bulwark.processor.writing;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to, by name: the processor never links to the runtime. */
final class RuntimeTypes {
  static final String RUNTIME = "dev.bulwark.runtime";
  static final ClassName ROUTE_SET = ClassName.get(RUNTIME + ".routing", "RouteSet");
  static final ClassName ROUTE = ClassName.get(RUNTIME + ".routing", "Route");
  static final ClassName HTTP_CALL = ClassName.get(RUNTIME + ".http", "HttpCall");
  static final ClassName HTTP_PROBLEM = ClassName.get(RUNTIME + ".http", "HttpProblem");
  static final ClassName PARAMS = ClassName.get(RUNTIME + ".bind", "Params");
  static final ClassName CONVERTERS = ClassName.get(RUNTIME + ".bind", "Converters");
  static final ClassName JSON = ClassName.get(RUNTIME + ".json", "Json");
  static final ClassName JSON_READER = ClassName.get(RUNTIME + ".json", "JsonBodyReader");
  static final ClassName JSON_WRITER = ClassName.get(RUNTIME + ".json", "JsonBodyWriter");
  static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
  static final ClassName SECURITY = ClassName.get(RUNTIME + ".security", "Security");
  static final ClassName ACCESS = ClassName.get(RUNTIME + ".security", "Access");
  static final ClassName PRINCIPAL = ClassName.get("dev.bulwark.auth", "Principal");
  static final ClassName SCHEME = ClassName.get("dev.bulwark.annotations", "Scheme");
  static final ClassName NOT_OWNER = ClassName.get("dev.bulwark.annotations", "NotOwner");
  static final ClassName RATE_LIMITS = ClassName.get(RUNTIME + ".limits", "RateLimits");
  static final ClassName ATTEMPTS = ClassName.get(RUNTIME + ".limits", "RateLimits", "Attempts");
  static final ClassName LIMIT_SPEC = ClassName.get("dev.bulwark.ratelimit", "LimitSpec");
  static final ClassName STORE_FAILURE_POLICY = ClassName.get("dev.bulwark.ratelimit", "StoreFailurePolicy");
  static final ClassName AUTH_METHOD = ClassName.get("dev.bulwark.auth", "AuthMethod");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RuntimeTypes() {}
}
