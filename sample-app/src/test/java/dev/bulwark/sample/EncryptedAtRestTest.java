package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On the embedded H2, over HTTP on both servers: the users table holds the e-mail address as ciphertext bound to its
 * row, the blind index keeps addresses unique whatever their case (the 409 says nothing of SQL), and every app
 * instance has a database of its own.
 */
class EncryptedAtRestTest {
  private static final String PASSWORD = "copper kettle sings at dawn";

  private record Running(SampleApp app, BulwarkServer server, Client client) implements AutoCloseable {
    static Running start(ServerKind kind) {
      SampleApp app = new SampleApp(Map.of(), Clock.systemUTC(), m -> {});
      BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), app, Map.of());
      return new Running(app, server, new Client(server.baseUrl()));
    }

    Client.Reply register(String email, String name) {
      return client.post("/api/auth/register",
          "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"" + name + "\"}");
    }

    String login(String email) {
      Client.Reply r = client.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
      assertEquals(200, r.status(), r.body());
      return r.json().path("accessToken").asText();
    }

    @Override
    public void close() {
      server.stop();
      app.close();
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void plainJdbcFindsCiphertextWhereTheApiShowsTheAddress(ServerKind kind) throws SQLException {
    try (Running running = Running.start(kind)) {
      assertEquals(201, running.register("Alice.Liddell@Example.org", "Alice").status());
      byte[] email = rawEmail(running, "Alice");
      assertNotNull(email);
      String stored = new String(email, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      assertFalse(stored.contains("alice") || stored.contains("liddell") || stored.contains("example"),
          "the users table holds the e-mail address in clear");
      assertTrue(email.length > "Alice.Liddell@Example.org".length(), "not ciphertext: too short for nonce and tag");
      String access = running.login("alice.liddell@example.org");
      Client.Reply me = running.client().get("/api/users/me", "Authorization", Client.bearer(access));
      assertEquals("Alice.Liddell@Example.org", me.json().path("email").asText());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aCiphertextCopiedToAnotherRowFailsAndStaysOutOfTheResponse(ServerKind kind) throws SQLException {
    try (Running running = Running.start(kind)) {
      assertEquals(201, running.register("alice@example.org", "Alice").status());
      assertEquals(201, running.register("bob@example.org", "Bob").status());
      String bob = running.login("bob@example.org");
      try (Connection c = running.app().storage.dataSource().getConnection();
          PreparedStatement copy = c.prepareStatement("UPDATE users SET email = ? WHERE name = ?")) {
        copy.setBytes(1, rawEmail(running, "Alice"));
        copy.setString(2, "Bob");
        assertEquals(1, copy.executeUpdate());
      }
      Client.Reply me = running.client().get("/api/users/me", "Authorization", Client.bearer(bob));
      assertEquals(500, me.status(), "alice's ciphertext decrypted in bob's row");
      assertFalse(me.body().contains("alice") || me.body().contains("Decrypt") || me.body().contains("users"), me.body());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void anAddressIsUniqueWhateverItsCaseAndTheConflictSaysNothingOfSql(ServerKind kind) {
    try (Running running = Running.start(kind)) {
      assertEquals(201, running.register("erin@example.org", "Erin").status());
      Client.Reply again = running.register("ERIN@Example.ORG", "Erin Two");
      assertEquals(409, again.status(), again.body());
      String body = again.body().toLowerCase(Locale.ROOT);
      for (String leak : new String[] {"sql", "23505", "unique", "constraint", "users", "insert", "email_index"}) {
        assertFalse(body.contains(leak), again.body());
      }
      assertEquals(201, running.register("erin2@example.org", "Erin Two").status(), "the failed insert left no trace");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void everyInstanceHasADatabaseOfItsOwn(ServerKind kind) {
    try (Running first = Running.start(kind); Running second = Running.start(kind)) {
      assertEquals(201, first.register("frank@example.org", "Frank").status());
      Client.Reply other = second.register("frank@example.org", "Frank");
      assertEquals(201, other.status(), other.body());
      assertEquals("u1", other.json().path("id").asText());
    }
  }

  private static byte[] rawEmail(Running running, String name) throws SQLException {
    try (Connection c = running.app().storage.dataSource().getConnection();
        PreparedStatement read = c.prepareStatement("SELECT email FROM users WHERE name = ?")) {
      read.setString(1, name);
      try (ResultSet rows = read.executeQuery()) {
        assertTrue(rows.next(), "no row for " + name);
        return rows.getBytes(1);
      }
    }
  }
}
