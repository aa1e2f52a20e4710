package dev.bulwark.runtime.server;

import dev.bulwark.runtime.javalin.JavalinServer;
import dev.bulwark.runtime.jdk.JdkServer;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.RouteSet;
import dev.bulwark.runtime.routing.Router;
import java.util.ArrayList;
import java.util.List;

/**
 * A running server with Bulwark routes mounted: start one on either server with the same routes and settings, and
 * stop it gracefully.
 *
 * <pre>{@code
 * try (BulwarkServer server = BulwarkServer.start(ServerKind.JDK, ServerSettings.defaults().port(8080),
 *     new PostsApi_Routes(new Posts()))) { ... }
 * }</pre>
 */
public interface BulwarkServer extends AutoCloseable {

  /** Starts a server of the given kind; a bad setting or two routes on the same path stop it here. */
  static BulwarkServer start(ServerKind kind, ServerSettings settings, RouteSet... apis) {
    settings.validate();
    List<Route> routes = new ArrayList<>();
    for (RouteSet api : apis) {
      routes.addAll(api.routes());
    }
    Router router = Router.of(routes);
    Dispatcher dispatcher = new Dispatcher(router, settings);
    return switch (kind) {
      case JDK -> JdkServer.start(settings, dispatcher);
      case JAVALIN -> JavalinServer.start(settings, router, dispatcher);
    };
  }

  /** Which server this is. */
  ServerKind kind();

  /** The port it listens on (the real one when 0 was asked for). */
  int port();

  /** {@code http://host:port}, or {@code https://host:port} on TLS. */
  String baseUrl();

  /** The port of the plain-HTTP listener that redirects to HTTPS or refuses, or -1 when there is none. */
  default int plainHttpPort() {
    return -1;
  }

  /** Stops accepting, waits up to the shutdown grace for requests in flight, then closes. */
  void stop();

  @Override
  default void close() {
    stop();
  }
}
