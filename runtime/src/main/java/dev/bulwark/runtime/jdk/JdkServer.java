package dev.bulwark.runtime.jdk;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.bulwark.runtime.transport.TlsSettings;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.Dispatcher;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's HttpServer, configured for production. Its defaults are not: Nagle's algorithm on, 200 idle connections,
 * and no request or response timeout. Those settings are JVM-wide system properties read once, when the first server
 * is created, so they are set here before that unless the application has set them itself. With TLS it is an
 * {@code HttpsServer} whose configurator pins the protocols and cipher suites; the optional plain-HTTP listener is a
 * second, separate {@code HttpServer} that has no route at all (see {@link PlainHttpListener}).
 */
public final class JdkServer implements BulwarkServer {
  private static final Logger LOG = LoggerFactory.getLogger("bulwark.server");

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final ServerSettings settings;
  private final PlainHttpListener plain;

  private JdkServer(HttpServer server, ThreadPoolExecutor executor, ServerSettings settings, PlainHttpListener plain) {
    this.server = server;
    this.executor = executor;
    this.settings = settings;
    this.plain = plain;
  }

  /** Binds and starts. */
  public static JdkServer start(ServerSettings settings, Dispatcher dispatcher) {
    configureJvm(settings);
    SSLContext tls = settings.tls() == null ? null : settings.tls().sslContext();
    HttpServer server;
    try {
      InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
      if (tls == null) {
        server = HttpServer.create(address, 0);
      } else {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new PinnedConfigurator(tls));
        server = https;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not bind " + settings.host() + ":" + settings.port()
          + "; is another process using the port? Choose another with --port", e);
    }
    ThreadPoolExecutor executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(settings.threads() * 64), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
    server.setExecutor(executor);
    long drainLimit = settings.maxBodyBytes() * 2 + 65536;
    server.createContext("/", exchange -> dispatcher.dispatch(new JdkExchange(exchange, drainLimit)));
    server.start();
    PlainHttpListener plain = null;
    if (settings.plainHttp() != null) {
      try {
        plain = PlainHttpListener.start(settings, server.getAddress().getPort());
      } catch (RuntimeException e) {
        server.stop(0);
        executor.shutdownNow();
        throw e;
      }
    }
    JdkServer started = new JdkServer(server, executor, settings, plain);
    LOG.info("JDK HttpServer listening on {}", started.baseUrl());
    return started;
  }

  private static void configureJvm(ServerSettings settings) {
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxIdleConnections", Integer.toString(settings.maxIdleConnections()));
    setIfAbsent("sun.net.httpserver.idleInterval", Long.toString(Math.max(1, settings.idleTimeout().toSeconds())));
    setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(Math.max(1, settings.requestTimeout().toSeconds())));
    setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(Math.max(1, settings.responseTimeout().toSeconds())));
    // The JDK's own caps sit well above ours, so our limits answer with a proper 431 and the JDK's only bound memory
    // (past its caps the JDK drops the connection without a response).
    setIfAbsent("sun.net.httpserver.maxReqHeaders", Integer.toString(Math.max(200, settings.maxHeaderCount() * 2)));
    setIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(settings.maxHeaderBytes() * 2));

  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "bulwark-jdk-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public ServerKind kind() {
    return ServerKind.JDK;
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public String baseUrl() {
    return (settings.tls() == null ? "http://" : "https://") + settings.host() + ":" + port();
  }

  @Override
  public int plainHttpPort() {
    return plain == null ? -1 : plain.port();
  }

  @Override
  public void stop() {
    if (plain != null) {
      plain.stop();
    }
    server.stop((int) Math.max(0, settings.shutdownGrace().toSeconds()));
    executor.shutdown();
    try {
      if (!executor.awaitTermination(settings.shutdownGrace().toMillis() + 100, TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** TLS 1.3 and 1.2 only, Bulwark's cipher suites in the server's order, for every connection. */
  private static final class PinnedConfigurator extends HttpsConfigurator {
    private final SSLParameters parameters;

    PinnedConfigurator(SSLContext context) {
      super(context);
      this.parameters = TlsSettings.parameters(context);
    }

    @Override
    public void configure(HttpsParameters params) {
      params.setSSLParameters(parameters);
    }
  }
}
