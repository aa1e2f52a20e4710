package dev.bulwark.runtime.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.runtime.http.Problems;
import dev.bulwark.runtime.http.RequestIds;
import dev.bulwark.runtime.server.ServerSettings;
import dev.bulwark.runtime.transport.PlainHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The plain-HTTP listener next to an {@code HttpsServer}: a separate {@code HttpServer} whose only handler answers 308
 * to HTTPS or a 403 problem, so it cannot serve the API even by mistake. It has no HSTS (browsers ignore it on plain
 * HTTP) and closes every connection after its answer.
 */
final class PlainHttpListener {
  private final HttpServer server;
  private final ExecutorService executor;

  private PlainHttpListener(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static PlainHttpListener start(ServerSettings settings, int httpsPort) {
    PlainHttp plain = settings.plainHttp();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.host(), plain.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not bind the plain-HTTP listener on " + settings.host() + ":" + plain.port()
          + "; is another process using the port?", e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "bulwark-jdk-plain");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(exchange, settings, plain, httpsPort));
    server.start();
    return new PlainHttpListener(server, executor);
  }

  private static void answer(HttpExchange http, ServerSettings settings, PlainHttp plain, int httpsPort) {
    JdkExchange exchange = new JdkExchange(http, 65536);
    try {
      String requestId = RequestIds.next();
      exchange.setHeader(RequestIds.HEADER, requestId);
      settings.headers().applyTo(exchange, false);
      exchange.setHeader("Connection", "close");
      String location = plain.location(exchange.header("Host"), exchange.rawPath(), exchange.rawQuery(), httpsPort);
      if (location != null) {
        exchange.setHeader("Location", location);
        exchange.send(308, null, new byte[0]);
      } else {
        exchange.send(403, Problems.CONTENT_TYPE, Problems.body(403, requestId, List.of()));
      }
    } catch (IOException | RuntimeException e) {
      http.close();
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }
}
