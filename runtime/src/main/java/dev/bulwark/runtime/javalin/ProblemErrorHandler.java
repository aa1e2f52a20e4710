package dev.bulwark.runtime.javalin;

import dev.bulwark.runtime.http.HeaderPolicy;
import dev.bulwark.runtime.http.Problems;
import dev.bulwark.runtime.http.RequestIds;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (431 for oversized headers, 400 for a malformed request line, 408 on a read timeout) as problem
 * responses with a request id and the security headers, instead of Jetty's HTML page with its message.
 */
final class ProblemErrorHandler extends ErrorHandler {
  private final HeaderPolicy headers;

  ProblemErrorHandler(HeaderPolicy headers) {
    this.headers = headers;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int code = response.getStatus();
    Object cause = request.getAttribute(ERROR_EXCEPTION);
    if (cause instanceof org.eclipse.jetty.http.HttpException httpException) {
      code = httpException.getCode();
    }
    if (code < 400) {
      code = 500;
    }
    String requestId = RequestIds.next();
    response.setStatus(code);
    var fields = response.getHeaders();
    fields.put(RequestIds.HEADER, requestId);
    for (Map.Entry<String, String> e : headers.headers().entrySet()) {
      fields.put(e.getKey(), e.getValue());
    }
    // The connection, not the request: a request Jetty refused while parsing never got its https scheme.
    if (headers.hsts() != null && request.getConnectionMetaData().isSecure()) {
      fields.put(HeaderPolicy.HSTS_HEADER, headers.hsts());
    }
    if (HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(Problems.body(code, requestId, List.of())), callback);
    return true;
  }
}
