package dev.bulwark.runtime.http;

import java.util.List;
import java.util.Map;

/**
 * A failure that becomes an RFC 9457 problem response. The client sees the status, a generic title, the request id and,
 * for bad input, which fields were at fault; {@link #logDetail()} goes to the server log only. Thrown on the request
 * path, so it captures no stack trace.
 */
public final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<FieldError> errors;
  private final transient Map<String, String> headers;
  private final String logDetail;

  private HttpProblem(int status, List<FieldError> errors, Map<String, String> headers, String logDetail) {
    super(null, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
    this.logDetail = logDetail;
  }

  /** A problem with the given status and a detail for the server log. */
  public static HttpProblem of(int status, String logDetail) {
    return new HttpProblem(status, List.of(), Map.of(), logDetail);
  }

  /** A 400 naming the fields at fault, never their values. */
  public static HttpProblem badRequest(List<FieldError> errors, String logDetail) {
    return new HttpProblem(400, errors, Map.of(), logDetail);
  }

  /** A 400 for one field at fault. */
  public static HttpProblem badField(String field, String message) {
    return badRequest(List.of(new FieldError(field, message)), field + ": " + message);
  }

  /** This problem with an extra response header, such as {@code Allow} or {@code WWW-Authenticate}. */
  public HttpProblem withHeader(String name, String value) {
    var copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpProblem(status, errors, copy, logDetail);
  }

  public int status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** What went wrong, for the server log; never sent to the client. */
  public String logDetail() {
    return logDetail;
  }

  @Override
  public String getMessage() {
    return status + " " + logDetail;
  }

  /** One field at fault: where it is ({@code body.title}, {@code query.limit}) and what rule it broke. */
  public record FieldError(String field, String message) {}
}
