package dev.bulwark.runtime.routing;

import dev.bulwark.runtime.bind.PercentDecoding;
import dev.bulwark.runtime.http.HttpProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed path template: literal segments and {@code {name}} variables, one per segment. Matching splits the raw
 * path on {@code /} before decoding, so an encoded slash can never change which segments a path has.
 */
public final class PathTemplate {
  private final String text;
  private final String[] literals;
  private final String[] variables;

  private PathTemplate(String text, String[] literals, String[] variables) {
    this.text = text;
    this.literals = literals;
    this.variables = variables;
  }

  /** Parses {@code /a/{b}/c}; the root is {@code /}. */
  public static PathTemplate parse(String template) {
    if (template == null || !template.startsWith("/")) {
      throw new IllegalArgumentException("Path template '" + template + "' must start with /");
    }
    if (template.equals("/")) {
      return new PathTemplate("/", new String[0], new String[0]);
    }
    String[] parts = template.substring(1).split("/", -1);
    String[] literals = new String[parts.length];
    String[] variables = new String[parts.length];
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        throw new IllegalArgumentException("Path template '" + template + "' has an empty segment");
      }
      if (part.startsWith("{") && part.endsWith("}")) {
        String name = part.substring(1, part.length() - 1);
        if (name.isEmpty() || seen.contains(name)) {
          throw new IllegalArgumentException("Path template '" + template + "' has an empty or repeated variable");
        }
        seen.add(name);
        variables[i] = name;
      } else if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
        throw new IllegalArgumentException("Path template '" + template + "': a variable must fill its whole segment");
      } else {
        literals[i] = part;
      }
    }
    return new PathTemplate(template, literals, variables);
  }

  /** The template as written. */
  public String text() {
    return text;
  }

  /** The variable names in order. */
  public List<String> variableNames() {
    List<String> names = new ArrayList<>();
    for (String v : variables) {
      if (v != null) {
        names.add(v);
      }
    }
    return names;
  }

  int segmentCount() {
    return literals.length;
  }

  boolean isLiteral(int segment) {
    return literals[segment] != null;
  }

  /** Whether the template has the same shape as another (same literals, variables in the same places). */
  public boolean sameShapeAs(PathTemplate other) {
    if (other.literals.length != literals.length) {
      return false;
    }
    for (int i = 0; i < literals.length; i++) {
      boolean lit = literals[i] != null;
      if (lit != (other.literals[i] != null) || (lit && !literals[i].equals(other.literals[i]))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Matches already-split raw segments; returns the decoded variable values in template order, or {@code null} when
   * the path does not fit. A variable whose encoding is malformed is a 400.
   */
  String[] match(String[] segments) {
    if (segments.length != literals.length) {
      return null;
    }
    for (int i = 0; i < segments.length; i++) {
      if (literals[i] != null && !literals[i].equals(segments[i])) {
        return null;
      }
      if (literals[i] == null && segments[i].isEmpty()) {
        return null;
      }
    }
    String[] values = new String[segments.length];
    for (int i = 0; i < segments.length; i++) {
      if (variables[i] != null) {
        try {
          values[i] = PercentDecoding.decodePath(segments[i]);
        } catch (IllegalArgumentException e) {
          throw HttpProblem.badField("path." + variables[i], "is not validly encoded");
        }
      }
    }
    return values;
  }

  String literalAt(int segment) {
    return literals[segment];
  }

  String variableAt(int segment) {
    return variables[segment];
  }

  @Override
  public String toString() {
    return text;
  }
}
