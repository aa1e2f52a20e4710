package dev.bulwark.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The suite's HTTP client: every response goes through the {@link Oracle} before a test sees it. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The responses that hand a fresh credential to its owner. */
  private static final Pattern ISSUING = Pattern.compile(
      "POST /api/auth/(login|refresh)(\\?.*)?|POST /api/users/me/(mfa|api-keys)(\\?.*)?");

  final String base;
  private final List<String> echoes;

  Http(String base) {
    this(base, List.of());
  }

  private Http(String base, List<String> echoes) {
    this.base = base;
    this.echoes = echoes;
  }

  /**
   * A client whose responses may repeat {@code values} (input the test itself sent and expects back as data, such as
   * a stored title): the oracle scans each body with those values taken out, and everything else as usual.
   */
  Http echoing(String... values) {
    return new Http(base, List.of(values));
  }

  Reply get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  Reply post(String path, String json, String... headers) {
    return send("POST", path, json, headers);
  }

  /** Sends a request; a JSON body gets {@code Content-Type: application/json} unless the headers name one. */
  Reply send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (body != null && !typed) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String line = method + " " + path;
    String scanned = response.body();
    for (String echo : echoes) {
      scanned = scanned.replace(echo, "").replace(jsonText(echo), "");
    }
    Oracle.check(line, response.statusCode(), response.headers().map(), scanned, ISSUING.matcher(line).matches());
    return new Reply(line, response);
  }

  private static String jsonText(String value) {
    try {
      String quoted = JSON.writeValueAsString(value);
      return quoted.substring(1, quoted.length() - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response the oracle has passed. */
  record Reply(String request, HttpResponse<String> raw) {
    int status() {
      return raw.statusCode();
    }

    String body() {
      return raw.body();
    }

    JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError(request + ": not JSON: " + raw.body(), e);
      }
    }

    /** The problem body without its request id, to compare two refusals. */
    JsonNode problemWithoutId() {
      ObjectNode copy = json().deepCopy();
      copy.remove("requestId");
      copy.remove("instance");
      return copy;
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    List<String> headers(String name) {
      return raw.headers().allValues(name);
    }

    @Override
    public String toString() {
      return request + " -> " + status() + " " + body();
    }
  }
}
