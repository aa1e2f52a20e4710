package dev.bulwark.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.auth.AuthenticationException;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads the role and scope claims into sets of strings, refusing claims of the wrong shape. */
final class ClaimReader {

  private static final int MAX_ENTRIES = 256;

  private ClaimReader() {}

  /** A string array as a set; absent means empty. A string or a mixed array is malformed, never guessed at. */
  static Set<String> strings(JsonNode node) throws AuthenticationException {
    if (node == null || node.isNull()) {
      return Set.of();
    }
    if (!node.isArray() || node.size() > MAX_ENTRIES) {
      throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode element : node) {
      if (!element.isTextual() || element.textValue().isEmpty()) {
        throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
      }
      out.add(element.textValue());
    }
    return out;
  }

  /** Scopes from {@code scope} (a space-separated string, RFC 8693/9068), else {@code scp} (a string array). */
  static Set<String> scopes(ObjectNode claims) throws AuthenticationException {
    JsonNode scope = claims.get("scope");
    if (scope != null && !scope.isNull()) {
      if (!scope.isTextual()) {
        throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
      }
      Set<String> out = new LinkedHashSet<>();
      for (String s : scope.textValue().split(" ")) {
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
      if (out.size() > MAX_ENTRIES) {
        throw new AuthenticationException(AuthenticationException.Reason.MALFORMED);
      }
      return out;
    }
    return strings(claims.get("scp"));
  }
}
