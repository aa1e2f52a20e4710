package dev.bulwark.processor.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks path templates at compile time with the same rules the runtime's {@code PathTemplate} parses them by, and
 * extracts their variables. A template is {@code ""} (the base itself) or {@code /seg/{var}/...}.
 */
final class PathSyntax {
  private PathSyntax() {}

  /** What is wrong with the template, or {@code null} when it is well formed. */
  static String problem(String template) {
    if (template.isEmpty()) {
      return null;
    }
    if (!template.startsWith("/")) {
      return "it must start with /";
    }
    if (template.length() > 1 && template.endsWith("/")) {
      return "it must not end with /";
    }
    if (template.equals("/")) {
      return "use \"\" for the base path itself";
    }
    List<String> seen = new ArrayList<>();
    for (String segment : template.substring(1).split("/", -1)) {
      if (segment.isEmpty()) {
        return "it has an empty segment (//)";
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String name = segment.substring(1, segment.length() - 1);
        if (!isIdentifier(name)) {
          return "the variable {" + name + "} is not a valid name";
        }
        if (seen.contains(name)) {
          return "the variable {" + name + "} appears twice";
        }
        seen.add(name);
      } else {
        for (int i = 0; i < segment.length(); i++) {
          char c = segment.charAt(i);
          if (!(Character.isLetterOrDigit(c) && c < 0x80) && "-._~".indexOf(c) < 0) {
            return c == '{' || c == '}'
                ? "a variable must fill a whole segment"
                : "the segment '" + segment + "' has the character '" + c + "'";
          }
        }
        if (segment.equals(".") || segment.equals("..")) {
          return "it has a dot segment";
        }
      }
    }
    return null;
  }

  /** The variable names, in order; only for a well-formed template. */
  static List<String> variables(String template) {
    List<String> names = new ArrayList<>();
    if (template.isEmpty()) {
      return names;
    }
    for (String segment : template.substring(1).split("/", -1)) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        names.add(segment.substring(1, segment.length() - 1));
      }
    }
    return names;
  }

  /** The template with every variable replaced by {@code {}}: two routes with the same shape collide. */
  static String shape(String template) {
    return template.replaceAll("\\{[^/]*}", "{}");
  }

  /** The base and the endpoint's template joined; the root is {@code /}. */
  static String join(String base, String template) {
    String joined = base + template;
    return joined.isEmpty() ? "/" : joined;
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
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
