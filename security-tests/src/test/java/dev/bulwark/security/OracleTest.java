package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The error-body oracle fires on each kind of leak it claims to find, and stays quiet on the sample's real answers. */
class OracleTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "java.lang.IllegalStateException: boom\n\tat dev.bulwark.sample.Posts.get(Posts.java:42)",
      "{\"title\":\"Internal\",\"detail\":\"com.fasterxml.jackson.core.JsonParseException\"}",
      "NullPointerException",
      "Caused by: x",
      "{\"detail\":\"SELECT id, owner_id FROM posts WHERE id = ?\"}",
      "insert into users (email) values (?)",
      "ERROR: syntax error at or near \"'\" Position: 42",
      "org.postgresql.util.PSQLException: ERROR: relation \"posts\" does not exist",
      "SQLSTATE 23505",
      "Syntax error in SQL statement \"SELECT * FROM [*]X\"; SQL statement: [42000-224]",
      "Unique index or primary key violation: \"PUBLIC.CONSTRAINT_INDEX_4 ON PUBLIC.USERS(EMAIL)\"",
      "duplicate key value violates unique constraint \"users_email_key\"",
      "/home/runner/work/bulwark/sample-app/src/main/java/Foo.java",
      "C:\\Users\\dev\\bulwark",
      "file:/tmp/app.jar",
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
      "{\"echo\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2ln\"}",
      "at org.eclipse.jetty.server.HttpChannel.handle(HttpChannel.java:1)",
      "HikariPool-1 - Connection is not available",
  })
  void eachLeakIsFound(String leak) {
    assertFalse(Oracle.findings(leak).isEmpty(), leak);
    assertThrows(AssertionError.class, () -> Oracle.check("test", 500, Map.of(), leak, false));
  }

  @Test
  void aHeldSecretIsFoundAnywhere() {
    String token = Oracle.secret("a-refresh-token-the-suite-holds-" + System.nanoTime());
    assertThrows(AssertionError.class, () -> Oracle.check("test", 200, Map.of(), "{\"x\":\"" + token + "\"}", false));
    assertThrows(AssertionError.class, () -> Oracle.check("test", 401, Map.of("Location", List.of(token)), "", false));
  }

  @Test
  void secretFieldsAreAllowedOnlyWhereACredentialIsIssued() {
    String issued = "{\"id\":\"k1\",\"key\":\"bwk_" + System.nanoTime() + "abcdefgh\",\"scopes\":[]}";
    Oracle.check("POST /api/users/me/api-keys", 201, Map.of(), issued, true);
    assertThrows(AssertionError.class, () -> Oracle.check("GET /api/users/me", 200, Map.of(),
        "{\"id\":\"u1\",\"passwordHash\":\"x\"}", false));
    assertThrows(AssertionError.class, () -> Oracle.check("GET /x", 200, Map.of(), "{\"user\":{\"totpSecret\":\"x\"}}", false));
    // Once issued, the key is a held secret: no later response may repeat it.
    String key = issued.replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
    assertThrows(AssertionError.class, () -> Oracle.check("GET /x", 200, Map.of(), "{\"k\":\"" + key + "\"}", false));
  }

  @Test
  void theSamplesOwnAnswersPass() {
    long before = Oracle.checked();
    Oracle.check("GET /api/posts/9", 404, Map.of("Content-Type", List.of("application/problem+json")),
        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"requestId\":\"0123456789abcdef0123456789abcdef\"}", false);
    Oracle.check("POST /api/posts", 400, Map.of(), "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
        + "\"errors\":[{\"field\":\"body.title\",\"message\":\"must not be blank\"}]}", false);
    Oracle.check("GET /api/posts/1", 200, Map.of(), "{\"id\":1,\"ownerId\":\"u1\",\"title\":\"Hello\",\"body\":\"First post\","
        + "\"createdAt\":\"2026-12-04T13:00:00Z\"}", false);
    Oracle.check("GET /api/x", 500, Map.of(), "{\"title\":\"Internal Server Error\",\"status\":500}", false);
    assertEquals(before + 4, Oracle.checked());
    assertTrue(Oracle.findings("Internal Server Error").isEmpty());
  }
}
