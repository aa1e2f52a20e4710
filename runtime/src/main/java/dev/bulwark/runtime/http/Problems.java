package dev.bulwark.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders problem bodies ({@code application/problem+json}, RFC 9457). The body is built from fixed titles, the
 * status, the request id and field names, so it is written directly rather than through a JSON library; every
 * string that is not a constant is escaped.
 */
public final class Problems {
  /** The media type of every error response. */
  public static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {}

  /** The body for a status, a request id and the fields at fault. */
  public static byte[] body(int status, String requestId, List<HttpProblem.FieldError> errors) {
    StringBuilder json = new StringBuilder(128);
    json.append("{\"type\":\"about:blank\",\"title\":");
    appendString(json, title(status));
    json.append(",\"status\":").append(status);
    json.append(",\"requestId\":");
    appendString(json, requestId);
    if (!errors.isEmpty()) {
      json.append(",\"errors\":[");
      for (int i = 0; i < errors.size(); i++) {
        HttpProblem.FieldError error = errors.get(i);
        if (i > 0) {
          json.append(',');
        }
        json.append("{\"field\":");
        appendString(json, error.field());
        json.append(",\"message\":");
        appendString(json, error.message());
        json.append('}');
      }
      json.append(']');
    }
    json.append('}');
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The generic title for a status: the same words for every request, never a detail. */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Server Error" : "Client Error";
    };
  }

  private static void appendString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
