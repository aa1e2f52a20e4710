package dev.bulwark.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.http.Exchange;
import dev.bulwark.runtime.transport.WireRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A request as a server would hand it to the dispatcher, with every header line kept, and a response recorder that
 * fails at once when anything tries to write a header that could split a response or send twice.
 */
final class FakeExchange implements Exchange, WireRequest {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final List<String[]> headers;
  private final byte[] body;
  private final InetSocketAddress remote;
  final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  int status = -1;
  String contentType;
  byte[] responseBody;

  FakeExchange(String method, String rawPath, String rawQuery, List<String[]> headers, byte[] body,
      InetSocketAddress remote) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.remote = remote;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String rawPath() {
    return rawPath;
  }

  @Override
  public String rawQuery() {
    return rawQuery;
  }

  @Override
  public String header(String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  @Override
  public List<String> headers(String name) {
    return headerValues(name);
  }

  @Override
  public int headerCount() {
    return headers.size();
  }

  @Override
  public long headerBytes() {
    long total = 0;
    for (String[] h : headers) {
      total += h[0].length() + 2 + h[1].length() + 2;
    }
    return total;
  }

  @Override
  public long contentLength() {
    String value = header("Content-Length");
    if (value == null || !value.trim().matches("[0-9]{1,18}")) {
      return -1;
    }
    return Long.parseLong(value.trim());
  }

  @Override
  public InputStream body() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remote;
  }

  @Override
  public void setHeader(String name, String value) {
    assertTrue(name != null && name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"), "a response header name that is not a token: " + name);
    assertTrue(value != null, "a null response header value for " + name);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      assertFalse((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff,
          "response header " + name + " carries character 0x" + Integer.toHexString(c) + " (response splitting)");
    }
    assertFalse(sent(), "a header set after the response was sent");
    responseHeaders.put(name, value);
  }

  @Override
  public void send(int status, String contentType, byte[] body) {
    assertFalse(sent(), "a second response for one request");
    this.status = status;
    this.contentType = contentType;
    this.responseBody = body;
  }

  @Override
  public boolean sent() {
    return status >= 0;
  }

  @Override
  public String protocol() {
    return "HTTP/1.1";
  }

  @Override
  public List<String> headerValues(String name) {
    List<String> out = new ArrayList<>();
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        out.add(h[1]);
      }
    }
    return out;
  }

  @Override
  public void forEachHeader(BiConsumer<String, String> visitor) {
    for (String[] h : headers) {
      visitor.accept(h[0], h[1]);
    }
  }
}
