package dev.bulwark.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * One endpoint: the Java method, the HTTP method, the full path template, the parameters in signature order, the
 * declared result, and the success status.
 */
public record EndpointModel(
    String methodName,
    String httpMethod,
    String path,
    List<ParamModel> params,
    ResultModel result,
    int status,
    AccessModel access,
    List<LimitModel> limits) {

  public EndpointModel {
    params = List.copyOf(params);
    limits = List.copyOf(limits);
  }

  /** The {@code @Caller} parameter, or {@code null}. */
  public ParamModel caller() {
    for (ParamModel p : params) {
      if (p.source() == ParamSource.CALLER) {
        return p;
      }
    }
    return null;
  }

  /** The body parameter, or {@code null}. */
  public ParamModel body() {
    for (ParamModel p : params) {
      if (p.source() == ParamSource.BODY) {
        return p;
      }
    }
    return null;
  }

  /** What the endpoint returns: nothing, a value, or an Optional value (404 when empty). */
  public record ResultModel(Kind kind, TypeName type) {
    /** The shapes of result. */
    public enum Kind { VOID, VALUE, OPTIONAL }
  }
}
