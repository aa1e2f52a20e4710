package dev.bulwark.benchmarks;

import dev.bulwark.runtime.http.Exchange;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;

/** An exchange with no socket behind it, so a benchmark can call the runtime helpers that take an HttpCall. */
final class FakeExchange implements Exchange {
  private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
  int headersSet;

  @Override public String method() { return "POST"; }
  @Override public String rawPath() { return "/bench/orders"; }
  @Override public String rawQuery() { return null; }
  @Override public String header(String name) { return null; }
  @Override public int headerCount() { return 0; }
  @Override public long headerBytes() { return 0; }
  @Override public long contentLength() { return -1; }
  @Override public InputStream body() { return new ByteArrayInputStream(new byte[0]); }
  @Override public InetSocketAddress remoteAddress() { return PEER; }
  @Override public void setHeader(String name, String value) { headersSet++; }
  @Override public void send(int status, String contentType, byte[] body) {}
  @Override public boolean sent() { return false; }
}
