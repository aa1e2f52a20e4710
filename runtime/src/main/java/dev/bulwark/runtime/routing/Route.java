package dev.bulwark.runtime.routing;

import java.util.Objects;

/**
 * One endpoint: a method, a full path template such as {@code /api/posts/{id}}, the handler, and a name for logs
 * and error messages ({@code PostsApi.get}).
 */
public record Route(String method, PathTemplate template, Handler handler, String name) {
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(name, "name");
  }

  /** A route from a template string. */
  public static Route of(String method, String template, String name, Handler handler) {
    return new Route(method, PathTemplate.parse(template), handler, name);
  }
}
