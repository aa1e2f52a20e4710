package dev.bulwark.runtime.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Matches a method and a raw path to a route. Templates are tried most specific first (a literal segment beats a
 * variable at the first place they differ), so {@code /posts/search} wins over {@code /posts/{id}}. A path that fits
 * some template but not for this method is a 405 with the methods it does allow; HEAD is served by GET.
 */
public final class Router {
  private final List<Entry> entries;

  private Router(List<Entry> entries) {
    this.entries = entries;
  }

  /** Builds a router; two routes with the same method and the same template shape stop the server at start. */
  public static Router of(List<Route> routes) {
    Map<String, Entry> byShape = new LinkedHashMap<>();
    for (Route route : routes) {
      String shape = shapeKey(route.template());
      Entry entry = byShape.computeIfAbsent(shape, k -> new Entry(route.template()));
      Route clash = entry.byMethod.putIfAbsent(route.method(), route);
      if (clash != null) {
        throw new IllegalStateException("Two endpoints claim " + route.method() + " " + route.template().text() + ": "
            + clash.name() + " and " + route.name() + "; give one of them another path or method");
      }
    }
    List<Entry> entries = new ArrayList<>(byShape.values());
    entries.sort(Comparator.comparing(e -> e.template, Router::bySpecificity));
    return new Router(List.copyOf(entries));
  }

  /** Every route, most specific template first. */
  public List<Route> routes() {
    List<Route> all = new ArrayList<>();
    for (Entry e : entries) {
      all.addAll(e.byMethod.values());
    }
    return all;
  }

  /** The route for the method and raw path, or why there is none. */
  public RouteMatch match(String method, String rawPath) {
    String[] segments = split(rawPath);
    if (segments == null) {
      return RouteMatch.NOT_FOUND;
    }
    String lookup = method.equals("HEAD") ? "GET" : method;
    TreeSet<String> allowed = null;
    for (Entry entry : entries) {
      String[] values = entry.template.match(segments);
      if (values == null) {
        continue;
      }
      Route route = entry.byMethod.get(lookup);
      if (route != null) {
        return RouteMatch.found(route, values);
      }
      if (allowed == null) {
        allowed = new TreeSet<>();
      }
      allowed.addAll(entry.byMethod.keySet());
      if (entry.byMethod.containsKey("GET")) {
        allowed.add("HEAD");
      }
    }
    return allowed == null ? RouteMatch.NOT_FOUND : RouteMatch.notAllowed(String.join(", ", allowed));
  }

  private static String[] split(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return null;
    }
    if (rawPath.length() == 1) {
      return new String[0];
    }
    return rawPath.substring(1).split("/", -1);
  }

  private static String shapeKey(PathTemplate t) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < t.segmentCount(); i++) {
      key.append('/').append(t.isLiteral(i) ? t.literalAt(i) : "{}");
    }
    return key.length() == 0 ? "/" : key.toString();
  }

  private static int bySpecificity(PathTemplate a, PathTemplate b) {
    int n = Math.min(a.segmentCount(), b.segmentCount());
    for (int i = 0; i < n; i++) {
      if (a.isLiteral(i) != b.isLiteral(i)) {
        return a.isLiteral(i) ? -1 : 1;
      }
    }
    return Integer.compare(a.segmentCount(), b.segmentCount());
  }

  private static final class Entry {
    final PathTemplate template;
    final Map<String, Route> byMethod = new LinkedHashMap<>();

    Entry(PathTemplate template) {
      this.template = template;
    }
  }
}
