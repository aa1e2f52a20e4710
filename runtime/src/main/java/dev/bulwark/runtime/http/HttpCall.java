package dev.bulwark.runtime.http;

import dev.bulwark.runtime.bind.QueryString;
import dev.bulwark.runtime.json.JsonBodyReader;
import dev.bulwark.runtime.json.JsonBodyWriter;
import dev.bulwark.runtime.routing.RouteMatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * One request on its way through a generated handler: the matched path variables, the parsed query, the request id,
 * and the strict body and response helpers. The same object on every server, so guards written against it behave
 * identically on Javalin and on the JDK HttpServer.
 */
public final class HttpCall {
  private static final byte[] EMPTY = new byte[0];

  private final Exchange exchange;
  private final String requestId;
  private final Limits limits;
  private final RouteMatch match;
  private QueryString query;

  /** Made by the dispatcher once a route has matched. */
  public HttpCall(Exchange exchange, String requestId, Limits limits, RouteMatch match) {
    this.exchange = exchange;
    this.requestId = requestId;
    this.limits = limits;
    this.match = match;
  }

  /** The id of this request, also sent as {@code X-Request-Id}. */
  public String requestId() {
    return requestId;
  }

  /** The underlying exchange, for runtime helpers (client address, raw headers). */
  public Exchange exchange() {
    return exchange;
  }

  /** A decoded path variable of the matched route. */
  public String pathParam(String name) {
    return match.pathParam(name);
  }

  /** The single value of a query parameter, {@code null} when absent; sent twice is a 400. */
  public String queryParam(String name) {
    return query().single(name);
  }

  /** Every value of a repeated query parameter. */
  public List<String> queryParams(String name) {
    return query().all(name);
  }

  /** The first value of a request header, or {@code null}. */
  public String header(String name) {
    return exchange.header(name);
  }

  /**
   * The JSON body: 415 unless the content type is {@code application/json} (UTF-8 if a charset is given), 413 past the
   * body limit, 400 when it is missing, malformed or does not fit the type.
   */
  public <T> T jsonBody(JsonBodyReader<T> reader) throws IOException {
    requireJsonContentType(exchange.header("Content-Type"));
    return reader.read(readBody());
  }

  /** Sends a JSON result with the given status. */
  public <T> void respondJson(int status, JsonBodyWriter<T> writer, T value) throws IOException {
    if (value == null) {
      throw new IllegalStateException("the implementation returned null; return Optional for an absent result");
    }
    exchange.send(status, "application/json", writer.write(value));
  }

  /** Sends a status with no body (204, say). */
  public void respondEmpty(int status) throws IOException {
    exchange.send(status, null, EMPTY);
  }

  private QueryString query() {
    if (query == null) {
      query = QueryString.parse(exchange.rawQuery(), limits.maxQueryParameters());
    }
    return query;
  }

  private byte[] readBody() throws IOException {
    long max = limits.maxBodyBytes();
    long declared = exchange.contentLength();
    if (declared > max) {
      throw HttpProblem.of(413, "declared Content-Length " + declared + " over " + max);
    }
    // Not closed here: the exchange drains what is left and closes it with the response. Closing it early made the
    // JDK server's drain fail on a closed stream and answer every request with Connection: close (no keep-alive).
    InputStream in = exchange.body();
    byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
    if (bytes.length > max) {
      throw HttpProblem.of(413, "body over " + max + " bytes");
    }
    if (bytes.length == 0) {
      throw HttpProblem.badField("body", "is required");
    }
    return bytes;
  }

  static void requireJsonContentType(String contentType) {
    if (contentType == null) {
      throw HttpProblem.of(415, "no Content-Type on a body");
    }
    String lower = contentType.toLowerCase(Locale.ROOT);
    int semicolon = lower.indexOf(';');
    String media = (semicolon < 0 ? lower : lower.substring(0, semicolon)).trim();
    if (!media.equals("application/json")) {
      throw HttpProblem.of(415, "Content-Type is not application/json");
    }
    if (semicolon >= 0) {
      String params = lower.substring(semicolon + 1).trim();
      if (!params.isEmpty() && !params.equals("charset=utf-8") && !params.equals("charset=\"utf-8\"")) {
        throw HttpProblem.of(415, "Content-Type parameters other than charset=utf-8");
      }
    }
  }

  /** The request limits the call enforces. */
  public interface Limits {
    /** The largest body accepted, in bytes. */
    long maxBodyBytes();

    /** The most query parameters a request may carry. */
    int maxQueryParameters();
  }
}
