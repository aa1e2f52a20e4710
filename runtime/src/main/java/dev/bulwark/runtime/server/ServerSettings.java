package dev.bulwark.runtime.server;

import dev.bulwark.runtime.http.HeaderPolicy;
import dev.bulwark.runtime.http.HttpCall;
import java.time.Duration;

/**
 * How a server listens and what it accepts. The defaults are safe for an API: loopback only, a 1 MiB body, 8 KiB of
 * headers, request and response timeouts. Every setter checks its value, so a bad setting stops the server before it
 * starts, with a message that says what to change.
 */
public final class ServerSettings implements HttpCall.Limits {
  private String host = "127.0.0.1";
  private int port = 8080;
  private long maxBodyBytes = 1 << 20;
  private int maxHeaderBytes = 8 * 1024;
  private int maxHeaderCount = 100;
  private int maxQueryParameters = 100;
  private Duration requestTimeout = Duration.ofSeconds(10);
  private Duration responseTimeout = Duration.ofSeconds(30);
  private Duration idleTimeout = Duration.ofSeconds(30);
  private int maxIdleConnections = 1000;
  private int threads = Math.max(16, Runtime.getRuntime().availableProcessors() * 8);
  private Duration shutdownGrace = Duration.ofSeconds(2);
  private HeaderPolicy headers = HeaderPolicy.defaults();

  /** The defaults. */
  public static ServerSettings defaults() {
    return new ServerSettings();
  }

  /** The address to bind; 127.0.0.1 unless set. */
  public ServerSettings host(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must be an address such as 127.0.0.1");
    }
    this.host = host;
    return this;
  }

  /** The port; 0 picks a free one (for tests). */
  public ServerSettings port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535 (was " + port + ")");
    }
    this.port = port;
    return this;
  }

  /** The largest request body accepted (413 past it). */
  public ServerSettings maxBodyBytes(long bytes) {
    if (bytes < 1 || bytes > 64L << 20) {
      throw new IllegalArgumentException("maxBodyBytes must be between 1 and 64 MiB (was " + bytes + ")");
    }
    this.maxBodyBytes = bytes;
    return this;
  }

  /** The largest header block accepted (431 past it). */
  public ServerSettings maxHeaderBytes(int bytes) {
    if (bytes < 1024 || bytes > 64 * 1024) {
      throw new IllegalArgumentException("maxHeaderBytes must be between 1 KiB and 64 KiB (was " + bytes + ")");
    }
    this.maxHeaderBytes = bytes;
    return this;
  }

  /** The most header lines accepted (431 past it). */
  public ServerSettings maxHeaderCount(int count) {
    if (count < 8 || count > 1000) {
      throw new IllegalArgumentException("maxHeaderCount must be between 8 and 1000 (was " + count + ")");
    }
    this.maxHeaderCount = count;
    return this;
  }

  /** The most query parameters accepted (400 past it). */
  public ServerSettings maxQueryParameters(int count) {
    if (count < 1 || count > 10_000) {
      throw new IllegalArgumentException("maxQueryParameters must be between 1 and 10000 (was " + count + ")");
    }
    this.maxQueryParameters = count;
    return this;
  }

  /** How long a client may take to send its request. */
  public ServerSettings requestTimeout(Duration timeout) {
    this.requestTimeout = positive("requestTimeout", timeout);
    return this;
  }

  /** How long the server may take to send its response. */
  public ServerSettings responseTimeout(Duration timeout) {
    this.responseTimeout = positive("responseTimeout", timeout);
    return this;
  }

  /** How long an idle keep-alive connection is kept. */
  public ServerSettings idleTimeout(Duration timeout) {
    this.idleTimeout = positive("idleTimeout", timeout);
    return this;
  }

  /** How many idle keep-alive connections are kept. */
  public ServerSettings maxIdleConnections(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("maxIdleConnections must be at least 1 (was " + count + ")");
    }
    this.maxIdleConnections = count;
    return this;
  }

  /** How many requests are handled at once. */
  public ServerSettings threads(int threads) {
    if (threads < 1 || threads > 10_000) {
      throw new IllegalArgumentException("threads must be between 1 and 10000 (was " + threads + ")");
    }
    this.threads = threads;
    return this;
  }

  /** How long stop() waits for requests in flight. */
  public ServerSettings shutdownGrace(Duration grace) {
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must be zero or more");
    }
    this.shutdownGrace = grace;
    return this;
  }

  /** The security headers written on every response. */
  public ServerSettings headers(HeaderPolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("headers must not be null; use HeaderPolicy.defaults()");
    }
    this.headers = policy;
    return this;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  @Override
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  public int maxHeaderCount() {
    return maxHeaderCount;
  }

  @Override
  public int maxQueryParameters() {
    return maxQueryParameters;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public Duration responseTimeout() {
    return responseTimeout;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  public int maxIdleConnections() {
    return maxIdleConnections;
  }

  public int threads() {
    return threads;
  }

  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  public HeaderPolicy headers() {
    return headers;
  }

  private static Duration positive(String name, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be a positive duration (was " + d + ")");
    }
    return d;
  }
}
