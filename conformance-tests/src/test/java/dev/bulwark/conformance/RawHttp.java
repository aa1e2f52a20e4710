package dev.bulwark.conformance;

import dev.bulwark.runtime.server.ServerKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends bytes on a raw socket, for requests a client library would refuse to send or would clean up first. */
final class RawHttp {
  private RawHttp() {}

  /** Sends the request text and returns everything the server sends back until it closes or goes quiet. */
  static String exchange(ServerKind kind, String request, int readTimeoutMillis) throws IOException {
    return exchange(Servers.get(kind).port(), request, readTimeoutMillis);
  }

  /** {@link #exchange(ServerKind, String, int)} against any local port (a server a test started itself). */
  static String exchange(int port, String request, int readTimeoutMillis) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(readTimeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return readAll(socket.getInputStream());
    }
  }

  /** Opens a connection, sends only a partial request, then waits for the server to answer or hang up. */
  static String trickle(ServerKind kind, String partial, int readTimeoutMillis) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", Servers.get(kind).port())) {
      socket.setSoTimeout(readTimeoutMillis);
      socket.getOutputStream().write(partial.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return readAll(socket.getInputStream());
    }
  }

  static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      bytes.write("<<read timed out>>".getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      bytes.write("<<connection reset>>".getBytes(StandardCharsets.ISO_8859_1));
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  /** The status code of a raw response, or -1 when there was none. */
  static int status(String response) {
    if (!response.startsWith("HTTP/1.1 ")) {
      return -1;
    }
    return Integer.parseInt(response.substring(9, 12));
  }
}
