package dev.bulwark.data.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.data.UniqueViolation;
import dev.bulwark.data.it.PostStore.NewPost;
import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Over real HTTP on both servers: a database failure is the core's scrubbed 500 (no SQL, table, driver or
 * SQLState in the response), and a unique violation the application maps on purpose is a generic 409.
 */
class DatabaseErrorsOverHttpTest extends DatabaseTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<String> LEAKS = List.of("missing_table", "secret_column", "select", "sql", "h2", "jdbc",
      "exception", "42s02", "42p01", "23505", "posts", "unique", "brokenstore", "poststore");

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aDatabaseErrorIsAScrubbed500(ServerKind kind) throws Exception {
    HttpResponse<String> response = get(kind, "/api/notes/broken/1");
    assertEquals(500, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertNoLeak(response.body());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void aMappedUniqueViolationIsAGeneric409(ServerKind kind) throws Exception {
    HttpResponse<String> response = get(kind, "/api/notes/duplicate/7");
    assertEquals(409, response.statusCode());
    assertNoLeak(response.body());
  }

  private static void assertNoLeak(String body) {
    String lower = body.toLowerCase(Locale.ROOT);
    for (String leak : LEAKS) {
      assertFalse(lower.contains(leak), "the response names '" + leak + "': " + body);
    }
  }

  private static HttpResponse<String> get(ServerKind kind, String path) throws Exception {
    Database database = database(Db.H2);
    Notes notes = new Notes(new BrokenStore_Jdbc(database.dataSource), new PostStore_Jdbc(database.dataSource));
    try (BulwarkServer server = BulwarkServer.start(kind, ServerSettings.defaults().port(0)
        .shutdownGrace(Duration.ZERO), new NotesApi_Routes(notes))) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10))
          .GET().build();
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  /** The implementation: lets the broken repository fail, and maps the one failure it expects. */
  private record Notes(BrokenStore broken, PostStore posts) implements NotesApi {
    @Override
    public String broken(long id) {
      return broken.secret(id).orElse("none");
    }

    @Override
    public String duplicate(long n) {
      NewPost post = new NewPost(UUID.randomUUID(), "post " + n, Instant.EPOCH);
      try {
        posts.insert(post);
        posts.insert(post);
        return "unreachable";
      } catch (UniqueViolation e) {
        throw HttpProblem.of(409, "duplicate post title");
      }
    }
  }
}
