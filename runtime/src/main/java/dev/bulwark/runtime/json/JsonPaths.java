package dev.bulwark.runtime.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Field paths for 400s ({@code body.items[2].name}), built only from names that look like declared identifiers. */
final class JsonPaths {
  private static final int MAX_LOG = 300;

  private JsonPaths() {}

  static String of(List<JsonMappingException.Reference> path, boolean dropLast) {
    StringBuilder out = new StringBuilder("body");
    int end = dropLast ? path.size() - 1 : path.size();
    for (int i = 0; i < end; i++) {
      JsonMappingException.Reference ref = path.get(i);
      if (ref.getFieldName() != null) {
        String name = ref.getFieldName();
        out.append('.').append(isIdentifier(name) ? name : "*");
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** A log-only message with line breaks and control characters replaced, cut short. */
  static String logSafe(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_LOG));
    for (int i = 0; i < message.length() && out.length() < MAX_LOG; i++) {
      char c = message.charAt(i);
      out.append(c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 ? '_' : c);
    }
    return out.toString();
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || name.length() > 64 || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Character.isJavaIdentifierPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
