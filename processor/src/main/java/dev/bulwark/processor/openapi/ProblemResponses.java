package dev.bulwark.processor.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shared parts of every document: the RFC 9457 problem body the runtime writes for every refusal, the problem
 * responses by status, the rate-limit and authentication headers, and the two security schemes.
 */
final class ProblemResponses {
  private static final Map<Integer, String> NAMES = Map.of(400, "BadRequest", 401, "Unauthorized", 403, "Forbidden",
      404, "NotFound", 413, "ContentTooLarge", 415, "UnsupportedMediaType", 429, "TooManyRequests");

  private ProblemResponses() {}

  /** The response for any status an operation does not list: the implementation's own refusals (409, say), 503. */
  static final String OTHER = "Problem";

  static Map<String, Object> ref(int status) {
    return Map.of("$ref", "#/components/responses/" + NAMES.get(status));
  }

  static Map<String, Object> otherRef() {
    return Map.of("$ref", "#/components/responses/" + OTHER);
  }

  /** The reason phrase of a success or problem status. */
  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 400 -> "Bad Request: malformed, unknown or invalid input; errors names each field at fault";
      case 401 -> "Unauthorized: no valid credentials";
      case 403 -> "Forbidden: the caller lacks a role or permission";
      case 404 -> "Not Found, also for an object the caller may not see";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type: the body must be application/json";
      case 429 -> "Too Many Requests";
      default -> "Status " + status;
    };
  }

  /** The problem responses named in {@code used} (by component name). */
  static Map<String, Object> responses(Set<String> used) {
    Map<String, Object> out = new TreeMap<>();
    for (var entry : NAMES.entrySet()) {
      if (!used.contains(entry.getValue())) {
        continue;
      }
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("description", reason(entry.getKey()));
      response.put("content", Map.of("application/problem+json",
          Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
      if (entry.getKey() == 401) {
        response.put("headers", Map.of("WWW-Authenticate", headerRef("WWW-Authenticate")));
      }
      if (entry.getKey() == 429) {
        Map<String, Object> headers = new TreeMap<>(rateLimitHeaders());
        headers.put("Retry-After", headerRef("Retry-After"));
        response.put("headers", headers);
      }
      out.put(entry.getValue(), response);
    }
    if (used.contains(OTHER)) {
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("description", "Any other refusal: a status the implementation chose (409 for a conflict, say), "
          + "503 while a store it needs is down, 500 for a failure; always a problem with a generic title");
      response.put("content", Map.of("application/problem+json",
          Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
      out.put(OTHER, response);
    }
    return out;
  }

  static Map<String, Object> rateLimitHeaders() {
    return Map.of("RateLimit", headerRef("RateLimit"), "RateLimit-Policy", headerRef("RateLimit-Policy"));
  }

  private static Map<String, Object> headerRef(String name) {
    return Map.of("$ref", "#/components/headers/" + name);
  }

  static Map<String, Object> headers() {
    Map<String, Object> out = new TreeMap<>();
    out.put("RateLimit", header("The limit closest to running out: its policy, the requests remaining (r) and the "
        + "seconds until it resets (t), as in the IETF RateLimit header fields draft", Map.of("type", "string")));
    out.put("RateLimit-Policy", header("Every limit of the endpoint: its name, quota (q) and window in seconds (w)",
        Map.of("type", "string")));
    out.put("Retry-After", header("Seconds to wait before trying again", Map.of("type", "integer", "minimum", 1)));
    out.put("WWW-Authenticate", header("The authentication challenge", Map.of("type", "string")));
    return out;
  }

  private static Map<String, Object> header(String description, Map<String, Object> schema) {
    return Map.of("description", description, "schema", schema);
  }

  /** The RFC 9457 problem body: a generic title, never the detail, which goes to the server log. */
  static Map<String, Object> problemSchema() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "object");
    error.put("properties", Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")));
    error.put("required", List.of("field", "message"));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("type", Map.of("type", "string", "format", "uri-reference"));
    properties.put("title", Map.of("type", "string"));
    properties.put("status", Map.of("type", "integer", "minimum", 100, "maximum", 599));
    properties.put("requestId", Map.of("type", "string"));
    properties.put("errors", Map.of("type", "array", "items", error));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("description", "An RFC 9457 problem; errors lists the fields at fault, without their values");
    schema.put("properties", properties);
    schema.put("required", List.of("type", "title", "status", "requestId"));
    return schema;
  }

  static Map<String, Object> securityScheme(String name) {
    Map<String, Object> scheme = new LinkedHashMap<>();
    if (name.equals("apiKeyAuth")) {
      scheme.put("type", "apiKey");
      scheme.put("in", "header");
      scheme.put("name", "X-API-Key");
      scheme.put("description", "An API key with scopes, created by its owner and shown once");
    } else {
      scheme.put("type", "http");
      scheme.put("scheme", "bearer");
      scheme.put("bearerFormat", "JWT");
      scheme.put("description", "A JWT access token");
    }
    return scheme;
  }
}
