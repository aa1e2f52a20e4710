package dev.bulwark.runtime.javalin;

import dev.bulwark.runtime.http.Exchange;
import dev.bulwark.runtime.transport.GuardedBody;
import dev.bulwark.runtime.transport.WireRequest;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A Javalin context seen as an {@link Exchange}. It reads the servlet request directly: Javalin's own
 * {@code ctx.method()} honours {@code X-HTTP-Method-Override}, which Bulwark never does.
 */
final class JavalinExchange implements Exchange, WireRequest {
  private final Context ctx;
  private final HttpServletRequest request;
  private final long drainLimit;
  private boolean sent;

  JavalinExchange(Context ctx, long drainLimit) {
    this.ctx = ctx;
    this.request = ctx.req();
    this.drainLimit = drainLimit;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String rawPath() {
    return request.getRequestURI();
  }

  @Override
  public String rawQuery() {
    return request.getQueryString();
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public java.util.List<String> headers(String name) {
    return java.util.Collections.list(request.getHeaders(name));
  }

  @Override
  public int headerCount() {
    int count = 0;
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      for (Enumeration<String> values = request.getHeaders(names.nextElement()); values.hasMoreElements(); values.nextElement()) {
        count++;
      }
    }
    return count;
  }

  /** Jetty enforces the header size itself (its requestHeaderSize), before a request reaches here. */
  @Override
  public long headerBytes() {
    return 0;
  }

  @Override
  public long contentLength() {
    return request.getContentLengthLong();
  }

  @Override
  public InputStream body() throws IOException {
    return new GuardedBody(request.getInputStream());
  }

  @Override
  public String protocol() {
    return request.getProtocol();
  }

  @Override
  public List<String> headerValues(String name) {
    return Collections.list(request.getHeaders(name));
  }

  @Override
  public void forEachHeader(BiConsumer<String, String> visitor) {
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
        visitor.accept(name, values.nextElement());
      }
    }
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return InetSocketAddress.createUnresolved(request.getRemoteAddr(), request.getRemotePort());
  }

  @Override
  public void setHeader(String name, String value) {
    ctx.res().setHeader(name, value);
  }

  @Override
  public String responseHeader(String name) {
    return ctx.res().getHeader(name);
  }

  @Override
  public void send(int status, String contentType, byte[] body) {
    sent = true;
    if (status >= 400) {
      drainUnreadBody();
    }
    ctx.status(status);
    if (contentType != null) {
      ctx.res().setContentType(contentType);
    }
    ctx.result(body);
  }

  @Override
  public boolean sent() {
    return sent;
  }

  /**
   * Reads and discards what is left of a refused request's body (up to the drain limit), as the JDK server does: a
   * server that closes while the client is still sending resets the connection, and the client loses the 413 or 400
   * it was sent. Past the limit the connection is closed after the response.
   */
  private void drainUnreadBody() {
    if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
      return;
    }
    try {
      java.io.InputStream in = request.getInputStream();
      byte[] buffer = new byte[8192];
      long drained = 0;
      int n;
      while (drained < drainLimit && (n = in.read(buffer)) != -1) {
        drained += n;
      }
      if (drained >= drainLimit) {
        ctx.res().setHeader("Connection", "close");
      }
    } catch (IOException | RuntimeException e) {
      ctx.res().setHeader("Connection", "close");
    }
  }
}
