package dev.bulwark.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bulwark.runtime.http.HttpProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class FramingUnitTest {

  /** A request head as a list of header lines. */
  private record Head(String protocol, List<String[]> lines) implements WireRequest {
    static Head of(String protocol, String... nameValues) {
      List<String[]> lines = new ArrayList<>();
      for (int i = 0; i < nameValues.length; i += 2) {
        lines.add(new String[] {nameValues[i], nameValues[i + 1]});
      }
      return new Head(protocol, lines);
    }

    @Override
    public List<String> headerValues(String name) {
      List<String> values = new ArrayList<>();
      for (String[] line : lines) {
        if (line[0].equalsIgnoreCase(name)) {
          values.add(line[1]);
        }
      }
      return values;
    }

    @Override
    public void forEachHeader(BiConsumer<String, String> visitor) {
      lines.forEach(l -> visitor.accept(l[0], l[1]));
    }
  }

  private static void refused(Head head) {
    HttpProblem problem = assertThrows(HttpProblem.class, () -> Framing.check(head));
    assertEquals(400, problem.status());
    assertEquals("close", problem.headers().get("Connection"));
  }

  @Test
  void ambiguousFramingIsRefused() {
    refused(Head.of("HTTP/1.1", "Host", "x", "Content-Length", "5", "Transfer-Encoding", "chunked"));
    refused(Head.of("HTTP/1.1", "Host", "x", "Content-Length", "5", "Content-Length", "6"));
    refused(Head.of("HTTP/1.1", "Host", "x", "Content-Length", "5", "Content-Length", "5"));
    for (String bad : new String[] {"+5", "-1", "0x10", "5, 5", "", "1e3", "9999999999999999999"}) {
      refused(Head.of("HTTP/1.1", "Host", "x", "Content-Length", bad));
    }
    for (String bad : new String[] {"gzip", "gzip, chunked", "chunked, identity", "identity", "xchunked"}) {
      refused(Head.of("HTTP/1.1", "Host", "x", "Transfer-Encoding", bad));
    }
    refused(Head.of("HTTP/1.1", "Host", "x", "Transfer-Encoding", "chunked", "Transfer-Encoding", "chunked"));
    refused(Head.of("HTTP/1.1"));
    refused(Head.of("HTTP/1.1", "Host", "a", "Host", "b"));
    refused(Head.of("HTTP/1.1", "Host", "x", "X-A", "a\u0000b"));
  }

  @Test
  void plainFramingPasses() {
    Framing.check(Head.of("HTTP/1.1", "Host", "x", "Content-Length", " 12 "));
    Framing.check(Head.of("HTTP/1.1", "Host", "x", "Transfer-Encoding", "Chunked"));
    Framing.check(Head.of("HTTP/1.0"));
    Framing.check(Head.of("HTTP/1.1", "Host", "x", "X-A", "tab\there"));
  }

  @Test
  void bodyReadFailuresAreClientErrors() throws IOException {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("invalid chunk length");
      }
    };
    HttpProblem bad = assertThrows(HttpProblem.class, () -> new GuardedBody(broken).read(new byte[4], 0, 4));
    assertEquals(400, bad.status());
    assertEquals("close", bad.headers().get("Connection"));
    InputStream slow = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new SocketTimeoutException("Read timed out");
      }
    };
    assertEquals(408, assertThrows(HttpProblem.class, () -> new GuardedBody(slow).read()).status());
    GuardedBody fine = new GuardedBody(new ByteArrayInputStream(new byte[] {1, 2}));
    assertEquals(1, fine.read());
  }
}
