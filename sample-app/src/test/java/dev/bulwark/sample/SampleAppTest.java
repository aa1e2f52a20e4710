package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    try (BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), java.util.Map.of())) {
      Client c = new Client(server.baseUrl());
      assertEquals(201, c.post("/api/auth/register",
          "{\"email\":\"sam@example.com\",\"password\":\"quiet river mountain lantern\",\"name\":\"Sam\"}").status());
      String token = c.post("/api/auth/login", "{\"email\":\"sam@example.com\",\"password\":\"quiet river mountain lantern\"}")
          .json().path("accessToken").asText();
      HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/posts"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Hello\",\"body\":\"First post\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), created.body());
      assertTrue(created.body().startsWith("{\"id\":1,\"ownerId\":\"u1\",\"title\":\"Hello\""), created.body());
      HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/posts/1"))
          .header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, read.statusCode());
      assertEquals("nosniff", read.headers().firstValue("X-Content-Type-Options").orElseThrow());
      HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/posts/99"))
          .header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(404, missing.statusCode());
      assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
      HttpResponse<String> search = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/posts/search?q=hel")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, search.statusCode());
      assertTrue(search.body().contains("Hello"));
      // Public search shows titles: a post's body and owner stay with its owner.
      assertTrue(search.body().matches("\\[\\{\"id\":\\d+,\"title\":\"[^\"]*Hello[^\"]*\"\\}.*"), search.body());
      assertFalse(search.body().contains("ownerId") || search.body().contains("\"body\""), search.body());
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
    assertEquals("a@example.com", Main.Options.parse("--admin-email", "a@example.com").adminEmail());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleApp.secret("c2hvcnQ="))
        .getMessage().contains("at least 32"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleApp.secret("not base64!"))
        .getMessage().contains("not valid base64"));
    SampleApp app = new SampleApp(java.util.Map.of(), java.time.Clock.systemUTC(), m -> {});
    assertTrue(assertThrows(IllegalArgumentException.class, () -> app.createAdmin("a@example.com", null))
        .getMessage().contains("BULWARK_ADMIN_PASSWORD"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> app.createAdmin("a@example.com", "password"))
        .getMessage().contains("too weak"));
  }
}
