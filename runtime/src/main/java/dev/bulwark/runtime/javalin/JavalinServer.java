package dev.bulwark.runtime.javalin;

import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.http.RequestIds;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.Router;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.Dispatcher;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import dev.bulwark.runtime.transport.TlsSettings;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Javalin 7, configured so that it behaves exactly like the JDK server: every Bulwark route is registered with
 * Javalin, and every request (a Bulwark route, or Javalin's own 404 and 405) runs the same {@link Dispatcher}. No
 * compression (it would let a reflected value leak secrets through length, as in BREACH), no Server version, Jetty's
 * own errors written as problems, a request deadline on top of Jetty's idle timeout ({@link RequestDeadline}), TLS
 * through Jetty's {@code SslContextFactory.Server} on the connector, and an optional plain-HTTP connector answered
 * by {@link PlainHttpHandler} in front of Javalin.
 */
public final class JavalinServer implements BulwarkServer {
  private static final Logger LOG = LoggerFactory.getLogger("bulwark.server");

  private final Javalin app;
  private final ServerSettings settings;
  private final Server jetty;

  private JavalinServer(Javalin app, ServerSettings settings, Server jetty) {
    this.app = app;
    this.settings = settings;
    this.jetty = jetty;
  }

  /** Configures, binds and starts. */
  public static JavalinServer start(ServerSettings settings, Router router, Dispatcher dispatcher) {
    Server[] jetty = new Server[1];
    Javalin app = Javalin.create(config -> {
      configure(config, settings, router, dispatcher);
      config.jetty.modifyServer(server -> jetty[0] = server);
    });
    app.start();
    JavalinServer started = new JavalinServer(app, settings, jetty[0]);
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
      // Jetty passes ambiguous paths (%2e, %2f, //, ;) through to Bulwark's firewall, which refuses them with the same
      // problem on both servers; Jetty still refuses some itself (see docs/transport.md), through ProblemErrorHandler.
      http.setUriCompliance(UriCompliance.LEGACY);
    });
    SSLContext tls = settings.tls() == null ? null : settings.tls().sslContext();
    PlainHttpHandler plain = settings.plainHttp() == null ? null : new PlainHttpHandler(settings.plainHttp(), settings.headers());
    config.jetty.addConnector((server, http) -> {
      ServerConnector connector = tls == null
          ? new ServerConnector(server, new HttpConnectionFactory(http))
          : new ServerConnector(server, new SslConnectionFactory(sslFactory(tls), "http/1.1"),
              new HttpConnectionFactory(secure(http)));
      connector.setName("bulwark-api");
      connector.setHost(settings.host());
      connector.setPort(settings.port());
      // Jetty has one idle timeout per connection, for a request in progress and between requests alike.
      connector.setIdleTimeout(Math.min(settings.requestTimeout().toMillis(), settings.idleTimeout().toMillis()));
      limitRequestTime(connector, settings);
      return connector;
    });
    if (plain != null) {
      config.jetty.addConnector((server, http) -> {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setName(PlainHttpHandler.PLAIN_CONNECTOR);
        connector.setHost(settings.host());
        connector.setPort(settings.plainHttp().port());
        connector.setIdleTimeout(Math.min(settings.requestTimeout().toMillis(), settings.idleTimeout().toMillis()));
        limitRequestTime(connector, settings);
        return connector;
      });
    }
    config.jetty.modifyServer(server -> {
      server.setErrorHandler(new ProblemErrorHandler(settings.headers()));
      server.setStopTimeout(settings.shutdownGrace().toMillis());
      if (plain != null) {
        server.insertHandler(plain);
        server.addEventListener(new LifeCycle.Listener() {
          @Override
          public void lifeCycleStarted(LifeCycle event) {
            plain.httpsPort(apiConnector(server).getLocalPort());
          }
        });
      }
    });
    long drainLimit = settings.maxBodyBytes() * 2 + 65536;
    io.javalin.http.Handler handler = ctx -> dispatcher.dispatch(new JavalinExchange(ctx, drainLimit));
    for (Route route : router.routes()) {
      config.routes.addEndpoint(new Endpoint(HandlerType.findOrDefault(route.method()), route.template().text(), handler));
      if (route.method().equals("GET")) {
        config.routes.addEndpoint(new Endpoint(HandlerType.HEAD, route.template().text(), handler));
      }
    }
    // Javalin's 404 and 405 (and anything else it answers itself) go through the pipeline, which routes by the raw
    // method and path and so gives the same answer the JDK server gives.
    config.routes.exception(HttpResponseException.class, (e, ctx) -> dispatcher.dispatch(new JavalinExchange(ctx, drainLimit)));
    config.routes.exception(Exception.class, (e, ctx) -> {
      String requestId = RequestIds.next();
      LOG.error("[{}] failure outside the Bulwark pipeline", requestId, e);
      dispatcher.sendProblem(new JavalinExchange(ctx, drainLimit), requestId, HttpProblem.of(500, "unhandled"));
    });
  }

  private static SslContextFactory.Server sslFactory(SSLContext context) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setSslContext(context);
    factory.setIncludeProtocols(TlsSettings.PROTOCOLS.toArray(new String[0]));
    factory.setIncludeCipherSuites(TlsSettings.cipherSuites(context));
    factory.setUseCipherSuitesOrder(true);
    factory.setRenegotiationAllowed(false);
    return factory;
  }

  /** The HTTPS connector's configuration: requests are marked secure; HSTS is Bulwark's, not Jetty's. */
  private static HttpConfiguration secure(HttpConfiguration http) {
    HttpConfiguration https = new HttpConfiguration(http);
    // No SNI host check: the JDK server has none either, and a certificate's names are the client's to verify.
    https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
    return https;
  }

  private static void limitRequestTime(ServerConnector connector, ServerSettings settings) {
    RequestDeadline deadline = new RequestDeadline(connector.getScheduler(), settings.requestTimeout().toMillis());
    connector.addEventListener(deadline);
    connector.addBean(deadline, true);
  }

  private static ServerConnector apiConnector(Server server) {
    for (var connector : server.getConnectors()) {
      if ("bulwark-api".equals(connector.getName())) {
        return (ServerConnector) connector;
      }
    }
    throw new IllegalStateException("the Bulwark connector is missing");
  }

  @Override
  public int plainHttpPort() {
    if (settings.plainHttp() == null) {
      return -1;
    }
    for (var connector : jetty.getConnectors()) {
      if (PlainHttpHandler.PLAIN_CONNECTOR.equals(connector.getName())) {
        return ((ServerConnector) connector).getLocalPort();
      }
    }
    return -1;
  }

  @Override
  public ServerKind kind() {
    return ServerKind.JAVALIN;
  }

  @Override
  public int port() {
    return apiConnector(jetty).getLocalPort();
  }

  @Override
  public String baseUrl() {
    return (settings.tls() == null ? "http://" : "https://") + settings.host() + ":" + port();
  }

  @Override
  public void stop() {
    app.stop();
  }
}
