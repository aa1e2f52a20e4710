package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.data.BlindIndex;
import dev.bulwark.data.ColumnCipher;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample on the machine's real PostgreSQL (a schema of its own per run): register, log in, post and comment over
 * HTTP; then a second start on the same database and keysets still finds the account, the post, the comment and the
 * refresh token, and the stored e-mail address is ciphertext.
 */
class PostgresFlowTest {
  private static final String PASSWORD = "maple lantern drifts over harbour";

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theFlowRunsOnPostgresqlAndSurvivesARestart(ServerKind kind) throws SQLException {
    try (PostgresSchema schema = PostgresSchema.create()) {
      Map<String, String> env = Map.of(
          Storage.URL_ENV, schema.url(),
          Storage.USER_ENV, PostgresSchema.USER,
          Keysets.DATA_ENV, ColumnCipher.newJsonKeyset(),
          Keysets.INDEX_ENV, BlindIndex.newJsonKeyset(),
          SampleApp.SECRET_ENV, Base64.getEncoder().encodeToString(
              "a fixed test secret, 32 bytes or more".getBytes(StandardCharsets.US_ASCII)));
      String refresh;
      String postId;
      String content;
      try (SampleApp app = new SampleApp(env, Clock.systemUTC(), m -> {});
          BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), app, env)) {
        assertTrue(app.storage.persistent());
        Client c = new Client(server.baseUrl());
        Client.Reply registered = c.post("/api/auth/register",
            "{\"email\":\"Pat@Example.com\",\"password\":\"" + PASSWORD + "\",\"name\":\"Pat\"}");
        assertEquals(201, registered.status(), registered.body());
        assertEquals("Pat@Example.com", registered.json().path("email").asText());
        assertEquals(409, c.post("/api/auth/register",
            "{\"email\":\"pat@example.COM\",\"password\":\"" + PASSWORD + "\",\"name\":\"Pat 2\"}").status());
        JsonNode tokens = login(c);
        String access = tokens.path("accessToken").asText();
        refresh = tokens.path("refreshToken").asText();
        Client.Reply post = c.post("/api/posts", "{\"title\":\"On PostgreSQL\",\"body\":\"it's <b>real</b>\"}",
            "Authorization", Client.bearer(access));
        assertEquals(201, post.status(), post.body());
        postId = post.json().path("id").asText();
        Client.Reply comment = c.post("/api/posts/" + postId + "/comments", "{\"content\":\"first'; DROP TABLE posts; --\"}",
            "Authorization", Client.bearer(access));
        assertEquals(201, comment.status(), comment.body());
        content = comment.json().path("content").asText();
        assertTrue(content.contains("DROP TABLE posts"), content);
      }
      try (Connection c = schema.connect(); Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT email, name FROM users")) {
        assertTrue(rows.next());
        assertEquals("Pat", rows.getString("name"), "plain JDBC reads the row");
        String stored = new String(rows.getBytes("email"), StandardCharsets.ISO_8859_1).toLowerCase();
        assertFalse(stored.contains("pat@") || stored.contains("example"), "the e-mail address is stored in clear");
        assertFalse(rows.next());
      }
      try (SampleApp again = new SampleApp(env, Clock.systemUTC(), m -> {});
          BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), again, env)) {
        Client c = new Client(server.baseUrl());
        Client.Reply refreshed = c.post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
        assertEquals(200, refreshed.status(), "the refresh token did not survive the restart: " + refreshed.body());
        String access = login(c).path("accessToken").asText();
        Client.Reply read = c.get("/api/posts/" + postId, "Authorization", Client.bearer(access));
        assertEquals(200, read.status(), read.body());
        assertEquals("On PostgreSQL", read.json().path("title").asText());
        Client.Reply comments = c.get("/api/posts/" + postId + "/comments", "Authorization", Client.bearer(access));
        assertEquals(200, comments.status(), comments.body());
        assertEquals(content, comments.json().get(0).path("content").asText(), "stored and read back exactly");
        Client.Reply me = c.get("/api/users/me", "Authorization", Client.bearer(access));
        assertEquals("Pat@Example.com", me.json().path("email").asText(), "decrypted with the configured keyset");
      }
    }
  }

  private static JsonNode login(Client c) {
    Client.Reply r = c.post("/api/auth/login", "{\"email\":\"pat@example.com\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(200, r.status(), r.body());
    return r.json();
  }
}
