package dev.bulwark.runtime.routing;

/** The outcome of routing: a route with its decoded path variables, a 405 with its {@code Allow} value, or a 404. */
public final class RouteMatch {
  static final RouteMatch NOT_FOUND = new RouteMatch(null, null, null);

  private final Route route;
  private final String[] values;
  private final String allow;

  private RouteMatch(Route route, String[] values, String allow) {
    this.route = route;
    this.values = values;
    this.allow = allow;
  }

  static RouteMatch found(Route route, String[] values) {
    return new RouteMatch(route, values, null);
  }

  static RouteMatch notAllowed(String allow) {
    return new RouteMatch(null, null, allow);
  }

  /** The matched route, or {@code null}. */
  public Route route() {
    return route;
  }

  /** For a 405, the methods the path allows, comma-separated; otherwise {@code null}. */
  public String allow() {
    return allow;
  }

  /** The decoded value of a path variable of the matched route, or {@code null}. */
  public String pathParam(String name) {
    if (route == null) {
      return null;
    }
    PathTemplate t = route.template();
    for (int i = 0; i < values.length; i++) {
      if (name.equals(t.variableAt(i))) {
        return values[i];
      }
    }
    return null;
  }
}
