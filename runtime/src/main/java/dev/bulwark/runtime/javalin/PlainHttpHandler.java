package dev.bulwark.runtime.javalin;

import dev.bulwark.runtime.http.HeaderPolicy;
import dev.bulwark.runtime.http.Problems;
import dev.bulwark.runtime.http.RequestIds;
import dev.bulwark.runtime.transport.PlainHttp;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sits in front of Javalin and answers every request that came in on the plain-HTTP connector itself, with a 308 to
 * HTTPS or a 403 problem, so nothing on that connector (Bulwark's routes or the application's own) is ever served.
 * Requests on the HTTPS connector pass through untouched.
 */
final class PlainHttpHandler extends Handler.Wrapper {
  static final String PLAIN_CONNECTOR = "bulwark-plain";

  private final PlainHttp plain;
  private final HeaderPolicy headers;
  private volatile int httpsPort;

  PlainHttpHandler(PlainHttp plain, HeaderPolicy headers) {
    this.plain = plain;
    this.headers = headers;
  }

  void httpsPort(int port) {
    this.httpsPort = port;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PLAIN_CONNECTOR.equals(request.getConnectionMetaData().getConnector().getName())) {
      return super.handle(request, response, callback);
    }
    String requestId = RequestIds.next();
    var fields = response.getHeaders();
    fields.put(RequestIds.HEADER, requestId);
    for (Map.Entry<String, String> e : headers.headers().entrySet()) {
      fields.put(e.getKey(), e.getValue());
    }
    fields.put(HttpHeader.CONNECTION, "close");
    String location = plain.location(request.getHeaders().get(HttpHeader.HOST), request.getHttpURI().getPath(),
        request.getHttpURI().getQuery(), httpsPort);
    if (location != null) {
      response.setStatus(308);
      fields.put(HttpHeader.LOCATION, location);
      fields.put(HttpHeader.CONTENT_LENGTH, 0L);
      callback.succeeded();
      return true;
    }
    response.setStatus(403);
    fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(Problems.body(403, requestId, List.of())), callback);
    return true;
  }
}
