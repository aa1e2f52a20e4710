package dev.bulwark.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;

/**
 * One server's request and response, seen the same way on every server. The JDK HttpServer and Javalin each adapt to
 * it, so the pipeline and the generated handlers are written once and behave identically on both.
 */
public interface Exchange {

  /** The request method exactly as sent; method-override headers are never consulted. */
  String method();

  /** The raw (still percent-encoded) request path, without the query string. */
  String rawPath();

  /** The raw query string without the leading {@code ?}, or {@code null} when there is none. */
  String rawQuery();

  /** The first value of a request header (names are case-insensitive), or {@code null}. */
  String header(String name);

  /**
   * Every value of a request header in arrival order, one element per header line (a line's comma-separated list is
   * not split here). Forwarding headers need them all: a proxy may add a line rather than extend the first.
   */
  default java.util.List<String> headers(String name) {
    String value = header(name);
    return value == null ? java.util.List.of() : java.util.List.of(value);
  }

  /** How many header lines the request carried. */
  int headerCount();

  /** The request's header block size in bytes, approximately (names, values and separators). */
  long headerBytes();

  /** The declared {@code Content-Length}, or -1 when the request did not declare one. */
  long contentLength();

  /** The request body as a stream; the caller bounds how much it reads. */
  InputStream body() throws IOException;

  /** The address of the socket peer (a proxy's address when there is one in front). */
  InetSocketAddress remoteAddress();

  /** A response header set so far, or {@code null}; lets several limits list themselves in one header. */
  default String responseHeader(String name) {
    return null;
  }

  /** Sets a response header, replacing any earlier value. */
  void setHeader(String name, String value);

  /** Sends the status, the headers set so far and the body, and completes the response. */
  void send(int status, String contentType, byte[] body) throws IOException;

  /** Whether {@link #send} has been called. */
  boolean sent();
}
