package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sample starts on either server and answers the README's first curl commands. */
class SampleAppTest {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void createReadAndList(ServerKind kind) throws Exception {
    try (BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind))) {
      HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/posts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Hello\",\"body\":\"First post\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), created.body());
      assertTrue(created.body().startsWith("{\"id\":1,\"title\":\"Hello\""), created.body());
      HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/posts/1")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, read.statusCode());
      assertEquals("nosniff", read.headers().firstValue("X-Content-Type-Options").orElseThrow());
      HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/posts/99")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(404, missing.statusCode());
      assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
      HttpResponse<String> search = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/posts/search?q=hel")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, search.statusCode());
      assertTrue(search.body().contains("Hello"));
    }
  }

  @Test
  void badOptionsSayWhatToFix() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.Options.parse("--port", "http"))
        .getMessage().contains("--port must be a number"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.Options.parse("--server", "tomcat"))
        .getMessage().contains("jdk or javalin"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.Options.parse("--verbose"))
        .getMessage().contains("unknown option"));
    assertEquals(new Main.Options("127.0.0.1", 9000, ServerKind.JAVALIN), Main.Options.parse("--port", "9000", "--server", "javalin"));
  }
}
