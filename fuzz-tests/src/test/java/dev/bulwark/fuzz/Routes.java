package dev.bulwark.fuzz;

import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sample's route shapes (and two of our own, for adjacent variables) in a {@link Router}, with an independent
 * model of which templates fit a raw path.
 */
final class Routes {
  static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
      "get", "CONNECT");

  private static final String[][] TABLE = {
    {"GET", "/api/posts"}, {"POST", "/api/posts"}, {"GET", "/api/posts/search"}, {"GET", "/api/posts/{id}"},
    {"PUT", "/api/posts/{id}"}, {"DELETE", "/api/posts/{id}"}, {"GET", "/api/posts/{id}/comments"},
    {"POST", "/api/posts/{id}/comments"}, {"GET", "/api/users/me"}, {"POST", "/api/users/me/api-keys"},
    {"GET", "/api/admin/users"}, {"GET", "/files/{dir}/{name}"}, {"GET", "/files/{dir}/latest"}, {"GET", "/"},
  };

  static final Router ROUTER;
  static final Set<String> VARIABLE_FIELDS = new TreeSet<>();
  private static final Map<String, Shape> SHAPES = new LinkedHashMap<>();

  static {
    List<Route> routes = new ArrayList<>();
    for (String[] row : TABLE) {
      routes.add(Route.of(row[0], row[1], row[0] + " " + row[1], call -> call.respondEmpty(204)));
      Shape shape = SHAPES.computeIfAbsent(key(row[1]), k -> new Shape(segments(row[1]), new TreeSet<>()));
      shape.methods().add(row[0]);
      for (String segment : segments(row[1])) {
        if (segment.startsWith("{")) {
          VARIABLE_FIELDS.add("path." + segment.substring(1, segment.length() - 1));
        }
      }
    }
    ROUTER = Router.of(routes);
  }

  private Routes() {}

  /** One template shape: its segments ({@code {name}} for a variable) and the methods declared on it. */
  record Shape(List<String> segments, Set<String> methods) {
    boolean isVariable(int i) {
      return segments.get(i).startsWith("{");
    }

    /** The raw path with each variable's value strictly percent-encoded. */
    String expand(Map<String, String> values) {
      if (segments.isEmpty()) {
        return "/";
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < segments.size(); i++) {
        String s = segments.get(i);
        out.append('/').append(isVariable(i) ? Encoding.strict(values.get(s.substring(1, s.length() - 1))) : s);
      }
      return out.toString();
    }
  }

  static Shape shapeOf(Route route) {
    return SHAPES.get(key(route.template().text()));
  }

  /** Every shape whose literals equal the raw segments and whose variables have a non-empty segment. */
  static List<Shape> fitting(String rawPath) {
    List<Shape> out = new ArrayList<>();
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return out;
    }
    String[] raw = rawPath.length() == 1 ? new String[0] : rawPath.substring(1).split("/", -1);
    for (Shape shape : SHAPES.values()) {
      if (shape.segments().size() != raw.length) {
        continue;
      }
      boolean fits = true;
      for (int i = 0; i < raw.length && fits; i++) {
        fits = shape.isVariable(i) ? !raw[i].isEmpty() : shape.segments().get(i).equals(raw[i]);
      }
      if (fits) {
        out.add(shape);
      }
    }
    return out;
  }

  /** Whether {@code a} has a literal where {@code b} has a variable at the first place they differ. */
  static boolean moreSpecific(Shape a, Shape b) {
    for (int i = 0; i < Math.min(a.segments().size(), b.segments().size()); i++) {
      if (a.isVariable(i) != b.isVariable(i)) {
        return !a.isVariable(i);
      }
    }
    return false;
  }

  private static List<String> segments(String template) {
    return template.equals("/") ? List.of() : List.of(template.substring(1).split("/", -1));
  }

  private static String key(String template) {
    return String.join("/", segments(template).stream().map(s -> s.startsWith("{") ? "{}" : s).toList());
  }
}
