package dev.bulwark.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Raw-socket requests, for what a client library refuses to send; the answer goes through the {@link Oracle}. */
final class Raw {
  private Raw() {}

  /** Sends the request text and reads until the server closes or goes quiet for {@code readTimeoutMillis}. */
  static Response exchange(int port, String request, int readTimeoutMillis) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(readTimeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return Response.parse(request.lines().findFirst().orElse(""), readAll(socket.getInputStream()));
    } catch (IOException e) {
      return Response.parse(request.lines().findFirst().orElse(""), "<<" + e.getClass().getSimpleName() + ">>");
    }
  }

  static String readAll(InputStream in) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      bytes.writeBytes("<<read timed out>>".getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      bytes.writeBytes("<<connection reset>>".getBytes(StandardCharsets.ISO_8859_1));
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  /** A raw response: the status (-1 when there was none), the headers by lower-case name, the text after them. */
  record Response(int status, Map<String, List<String>> headers, String body, String text) {
    static Response parse(String request, String text) {
      int status = -1;
      Map<String, List<String>> headers = new LinkedHashMap<>();
      String body = text;
      int end = text.indexOf("\r\n\r\n");
      if (text.startsWith("HTTP/1.1 ") && text.length() >= 12 && end > 0) {
        status = Integer.parseInt(text.substring(9, 12));
        String[] lines = text.substring(0, end).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          if (colon > 0) {
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(lines[i].substring(colon + 1).trim());
          }
        }
        body = text.substring(end + 4);
      }
      Oracle.check("raw " + request, status, headers, body, false);
      return new Response(status, headers, body, text);
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }
}
