package dev.bulwark.runtime.javalin;

import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.http.RequestIds;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.Router;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.Dispatcher;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Javalin 7, configured so that it behaves exactly like the JDK server: every Bulwark route is registered with
 * Javalin, and every request (a Bulwark route, or Javalin's own 404 and 405) runs the same {@link Dispatcher}. No
 * compression (it would let a reflected value leak secrets through length, as in BREACH), no Server version, and
 * Jetty's own errors written as problems.
 */
public final class JavalinServer implements BulwarkServer {
  private static final Logger LOG = LoggerFactory.getLogger("bulwark.server");

  private final Javalin app;
  private final ServerSettings settings;

  private JavalinServer(Javalin app, ServerSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  /** Configures, binds and starts. */
  public static JavalinServer start(ServerSettings settings, Router router, Dispatcher dispatcher) {
    Javalin app = Javalin.create(config -> configure(config, settings, router, dispatcher));
    app.start();
    JavalinServer started = new JavalinServer(app, settings);
    LOG.info("Javalin listening on {}", started.baseUrl());
    return started;
  }

  /**
   * Installs Bulwark on a Javalin configuration the application owns; {@link #start} uses the same. The application
   * may add its own routes, but those run outside the Bulwark pipeline.
   */
  public static void configure(JavalinConfig config, ServerSettings settings, Router router, Dispatcher dispatcher) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.startup.startupWatcherEnabled = false;
    config.http.compressionStrategy = CompressionStrategy.NONE;
    config.http.maxRequestSize = settings.maxBodyBytes();
    config.http.prefer405over404 = true;
    config.jetty.modifyHttpConfiguration(http -> {
      http.setSendServerVersion(false);
      http.setSendXPoweredBy(false);
      http.setSendDateHeader(true);
      http.setRequestHeaderSize(settings.maxHeaderBytes());
    });
    config.jetty.addConnector((server, http) -> {
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
      connector.setHost(settings.host());
      connector.setPort(settings.port());
      // Jetty has one idle timeout per connection, for a request in progress and between requests alike.
      connector.setIdleTimeout(Math.min(settings.requestTimeout().toMillis(), settings.idleTimeout().toMillis()));
      return connector;
    });
    config.jetty.modifyServer(server -> {
      server.setErrorHandler(new ProblemErrorHandler(settings.headers()));
      server.setStopTimeout(settings.shutdownGrace().toMillis());
    });
    io.javalin.http.Handler handler = ctx -> dispatcher.dispatch(new JavalinExchange(ctx));
    for (Route route : router.routes()) {
      config.routes.addEndpoint(new Endpoint(HandlerType.findOrDefault(route.method()), route.template().text(), handler));
      if (route.method().equals("GET")) {
        config.routes.addEndpoint(new Endpoint(HandlerType.HEAD, route.template().text(), handler));
      }
    }
    // Javalin's 404 and 405 (and anything else it answers itself) go through the pipeline, which routes by the raw
    // method and path and so gives the same answer the JDK server gives.
    config.routes.exception(HttpResponseException.class, (e, ctx) -> dispatcher.dispatch(new JavalinExchange(ctx)));
    config.routes.exception(Exception.class, (e, ctx) -> {
      String requestId = RequestIds.next();
      LOG.error("[{}] failure outside the Bulwark pipeline", requestId, e);
      dispatcher.sendProblem(new JavalinExchange(ctx), requestId, HttpProblem.of(500, "unhandled"));
    });
  }

  @Override
  public ServerKind kind() {
    return ServerKind.JAVALIN;
  }

  @Override
  public int port() {
    return app.port();
  }

  @Override
  public String baseUrl() {
    return "http://" + settings.host() + ":" + port();
  }

  @Override
  public void stop() {
    app.stop();
  }
}
