package dev.bulwark.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.benchmarks.Signup;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The variants that are not Bulwark: the plain handler (the same JSON work, no security: the ceiling) and the
 * hand-written checks ({@link HandWrittenEndpoint}), each on Javalin 7 and on the JDK HttpServer, configured as the
 * project's own servers are where it matters for speed (TCP_NODELAY on the JDK server, no compression on Javalin,
 * the same thread count on the JDK server).
 */
final class RawServers {
  private RawServers() {}

  /** A request as the handlers need it. */
  record Request(String authorization, String contentType, byte[] body) {}

  static AutoCloseable javalin(String host, int port, Function<Request, HandWrittenEndpoint.Reply> handler) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.compressionStrategy = CompressionStrategy.NONE;
      config.routes.post("/bench/orders", ctx -> send(ctx, handler.apply(
          new Request(ctx.header("Authorization"), ctx.header("Content-Type"), ctx.bodyAsBytes()))));
    });
    app.start(host, port);
    return app::stop;
  }

  private static void send(Context ctx, HandWrittenEndpoint.Reply reply) {
    for (Map.Entry<String, String> h : reply.headers().entrySet()) {
      ctx.header(h.getKey(), h.getValue());
    }
    ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
  }

  static AutoCloseable jdk(String host, int port, int threads, Function<Request, HandWrittenEndpoint.Reply> handler)
      throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.setExecutor(Executors.newFixedThreadPool(threads));
    server.createContext("/bench/orders", exchange -> {
      try (exchange) {
        if (!exchange.getRequestMethod().equals("POST")) {
          exchange.sendResponseHeaders(405, -1);
          return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readNBytes(1 << 20);
        }
        var headers = exchange.getRequestHeaders();
        send(exchange, handler.apply(
            new Request(headers.getFirst("Authorization"), headers.getFirst("Content-Type"), body)));
      }
    });
    server.start();
    return () -> server.stop(0);
  }

  private static void send(HttpExchange exchange, HandWrittenEndpoint.Reply reply) throws IOException {
    var out = exchange.getResponseHeaders();
    for (Map.Entry<String, String> h : reply.headers().entrySet()) {
      out.set(h.getKey(), h.getValue());
    }
    out.set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), reply.body().length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(reply.body());
    }
  }

  /** The plain handler: bind the body with Jackson, answer the receipt, nothing else. */
  static Function<Request, HandWrittenEndpoint.Reply> plain() {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectReader reader = mapper.readerFor(Signup.class);
    ObjectWriter writer = mapper.writerFor(BenchApi.Receipt.class);
    return request -> {
      try {
        Signup order = reader.readValue(request.body());
        return new HandWrittenEndpoint.Reply(200, "application/json",
            writer.writeValueAsBytes(BenchService.receipt("anonymous", order)), Map.of());
      } catch (IOException e) {
        return new HandWrittenEndpoint.Reply(400, "text/plain", new byte[0], Map.of());
      }
    };
  }
}
