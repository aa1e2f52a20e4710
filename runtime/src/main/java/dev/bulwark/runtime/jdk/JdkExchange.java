package dev.bulwark.runtime.jdk;

import com.sun.net.httpserver.HttpExchange;
import dev.bulwark.runtime.http.Exchange;
import dev.bulwark.runtime.transport.GuardedBody;
import dev.bulwark.runtime.transport.WireRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The JDK HttpServer's exchange seen as an {@link Exchange}. */
final class JdkExchange implements Exchange, WireRequest {
  private final HttpExchange exchange;
  private final long drainLimit;
  private boolean sent;

  JdkExchange(HttpExchange exchange, long drainLimit) {
    this.exchange = exchange;
    this.drainLimit = drainLimit;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  /**
   * The raw path. {@code java.net.URI} reads a target such as {@code //api/things/7} as the authority {@code api} and
   * the path {@code /things/7}; such a target comes back here as written, so the firewall refuses its {@code //}
   * instead of routing a different path than Jetty would.
   */
  @Override
  public String rawPath() {
    URI uri = exchange.getRequestURI();
    if (uri.getScheme() == null && uri.getRawAuthority() != null) {
      return "//" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
    return uri.getRawPath();
  }

  @Override
  public String rawQuery() {
    return exchange.getRequestURI().getRawQuery();
  }

  @Override
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  @Override
  public List<String> headers(String name) {
    List<String> values = exchange.getRequestHeaders().get(name);
    return values == null ? List.of() : List.copyOf(values);
  }

  @Override
  public int headerCount() {
    int count = 0;
    for (List<String> values : exchange.getRequestHeaders().values()) {
      count += values.size();
    }
    return count;
  }

  @Override
  public long headerBytes() {
    long bytes = 0;
    for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
      for (String value : e.getValue()) {
        bytes += e.getKey().length() + value.length() + 4;
      }
    }
    return bytes;
  }

  @Override
  public long contentLength() {
    String value = exchange.getRequestHeaders().getFirst("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public InputStream body() {
    return new GuardedBody(exchange.getRequestBody());
  }

  @Override
  public String protocol() {
    return exchange.getProtocol();
  }

  @Override
  public List<String> headerValues(String name) {
    List<String> values = exchange.getRequestHeaders().get(name);
    return values == null ? List.of() : values;
  }

  @Override
  public void forEachHeader(BiConsumer<String, String> visitor) {
    for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
      for (String value : e.getValue()) {
        visitor.accept(e.getKey(), value);
      }
    }
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return exchange.getRemoteAddress();
  }

  @Override
  public void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  @Override
  public String responseHeader(String name) {
    return exchange.getResponseHeaders().getFirst(name);
  }

  @Override
  public void send(int status, String contentType, byte[] body) throws IOException {
    sent = true;
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    drainUnreadBody();
    boolean noBody = body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
    try {
      exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } finally {
      exchange.close();
    }
  }

  /**
   * Reads and discards what is left of a request body the handler refused, up to a bound, before answering: a
   * client still sending would otherwise meet a reset that destroys the response. Past the bound the connection is
   * closed after the response.
   */
  private void drainUnreadBody() {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    String encoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
    if ((length == null || length.equals("0")) && encoding == null) {
      return;
    }
    try {
      InputStream in = exchange.getRequestBody();
      byte[] buffer = new byte[8192];
      long drained = 0;
      int n;
      while (drained < drainLimit && (n = in.read(buffer)) != -1) {
        drained += n;
      }
      if (drained >= drainLimit) {
        exchange.getResponseHeaders().set("Connection", "close");
      }
    } catch (IOException e) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
  }

  @Override
  public boolean sent() {
    return sent;
  }
}
