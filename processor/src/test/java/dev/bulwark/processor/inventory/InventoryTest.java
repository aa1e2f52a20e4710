package dev.bulwark.processor.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.bulwark.processor.model.LimitModel;
import dev.bulwark.processor.openapi.Fixtures;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The security inventory the processor writes for the library fixture: what each endpoint lists, and the report. */
class InventoryTest {
  private static final boolean UPDATE = Boolean.getBoolean("bulwark.golden.update");

  private static Compilation compilation;
  private static JsonNode inventory;

  @BeforeAll
  static void compile() {
    compilation = Fixtures.compileLibrary();
    inventory = Fixtures.json(compilation, Inventory.JSON);
  }

  private static JsonNode endpoint(String method, String path) {
    for (JsonNode e : inventory.get("endpoints")) {
      if (e.get("method").asText().equals(method) && e.get("path").asText().equals(path)) {
        return e;
      }
    }
    throw new AssertionError("not in the inventory: " + method + " " + path);
  }

  @Test
  void everyEndpointOfEveryApiIsListedSortedByPathThenMethod() {
    List<String> listed = new ArrayList<>();
    inventory.get("endpoints").forEach(e -> listed.add(e.get("method").asText() + " " + e.get("path").asText()));
    assertEquals(List.of("GET /api/books", "POST /api/books", "POST /api/books/signup", "DELETE /api/books/{id}",
        "GET /api/books/{id}", "GET /api/shelves", "GET /api/shelves/counts"), listed);
    assertEquals("[\"library.LibraryApi\",\"library.shelf.ShelfApi\"]", inventory.get("apis").toString());
    assertEquals("bulwark-inventory", inventory.get("format").asText());
    assertEquals(1, inventory.get("version").asInt());
  }

  @Test
  void accessDecisionsWithTheirReasonsRolesPermissionsAndSchemes() {
    JsonNode search = endpoint("GET", "/api/books");
    assertEquals("public", search.at("/access/decision").asText());
    assertEquals("the catalogue is open", search.at("/access/reason").asText());
    assertEquals("[]", search.get("authentication").toString());
    JsonNode create = endpoint("POST", "/api/books");
    assertEquals("secured", create.at("/access/decision").asText());
    assertEquals("[\"librarian\"]", create.at("/access/roles").toString());
    assertEquals("[\"books_write\"]", create.at("/access/permissions").toString());
    assertEquals("[\"BEARER\",\"API_KEY\"]", create.get("authentication").toString());
    assertEquals("library.LibraryApi", create.get("api").asText());
    assertEquals("create", create.get("javaMethod").asText());
  }

  @Test
  void ownershipChecksNameTheParameterTheCheckerAndTheDenial() {
    JsonNode get = endpoint("GET", "/api/books/{id}");
    assertEquals("id", get.at("/ownership/param").asText());
    assertEquals("library.LibraryApi.BookOwnership", get.at("/ownership/checker").asText());
    assertEquals("NOT_FOUND", get.at("/ownership/notOwner").asText());
    assertEquals("FORBIDDEN", endpoint("DELETE", "/api/books/{id}").at("/ownership/notOwner").asText());
    assertTrue(endpoint("POST", "/api/books").get("ownership").isNull());
  }

  @Test
  void rateLimitsListEveryFieldOfTheLimitModel() {
    JsonNode limits = endpoint("POST", "/api/books").get("rateLimits");
    assertEquals(2, limits.size());
    assertEquals(10, limits.at("/0/capacity").asInt());
    assertEquals("1m", limits.at("/0/period").asText());
    assertEquals("PRINCIPAL", limits.at("/0/key").asText());
    assertEquals("API_KEY", limits.at("/1/key").asText());
    assertEquals("CLIENT_IP", endpoint("GET", "/api/books").at("/rateLimits/0/key").asText());
    assertEquals(100, endpoint("GET", "/api/books/{id}").at("/rateLimits/0/capacity").asInt(), "the interface's");
    for (RecordComponent component : LimitModel.class.getRecordComponents()) {
      assertTrue(limits.get(0).has(component.getName()), "the inventory lacks the limit's " + component.getName());
    }
  }

  @Test
  void validatedAndSanitizedInputsAreListedByField() {
    JsonNode body = endpoint("POST", "/api/books").get("body");
    assertEquals("library.LibraryApi.NewBook", body.get("type").asText());
    assertEquals("[\"body.title\",\"body.summary\"]", body.get("sanitized").toString());
    List<String> fields = new ArrayList<>();
    body.get("fields").forEach(f -> fields.add(f.get("field").asText()));
    assertEquals(List.of("body.title", "body.summary", "body.genre", "body.isbn", "body.tags", "body.tags[]",
        "body.author.name", "body.author.email", "body.rating", "body.price"), fields);
    JsonNode title = body.at("/fields/0");
    assertEquals("NotBlank", title.at("/constraints/0/kind").asText());
    assertEquals(200, title.at("/constraints/1/max").asInt());
    assertEquals("TEXT", title.at("/sanitize/policy").asText());
    assertEquals("CLEAN", title.at("/sanitize/mode").asText());
    JsonNode password = endpoint("POST", "/api/books/signup").at("/body/fields/1");
    assertEquals("body.password", password.get("field").asText());
    assertTrue(password.get("sensitive").asBoolean());
    JsonNode id = endpoint("GET", "/api/books/{id}").at("/params/0");
    assertEquals("path", id.get("in").asText());
    assertEquals("Positive", id.at("/checks/0/constraints/0/kind").asText());
    JsonNode genres = endpoint("GET", "/api/books").at("/params/1");
    assertEquals("LIST", genres.get("arity").asText());
    assertEquals(3, genres.at("/checks/0/constraints/0/max").asInt());
  }

  @Test
  void responsesAndWaiversWithTheirReasons() {
    JsonNode signup = endpoint("POST", "/api/books/signup");
    assertEquals(201, signup.at("/response/status").asInt());
    assertEquals("library.Book", signup.at("/response/type").asText());
    assertEquals("BW305", signup.at("/waivers/0/rule").asText());
    assertEquals("sign-up creates a credential rather than checking one", signup.at("/waivers/0/reason").asText());
    assertEquals("LibraryApi.signup", signup.at("/waivers/0/on").asText());
    JsonNode search = endpoint("GET", "/api/books");
    assertEquals("BW204", search.at("/waivers/0/rule").asText());
    assertEquals("LibraryApi.search(raw)", search.at("/waivers/0/on").asText());
    JsonNode delete = endpoint("DELETE", "/api/books/{id}");
    assertEquals("VOID", delete.at("/response/kind").asText());
    assertEquals(204, delete.at("/response/status").asInt());
    assertTrue(delete.at("/response/type").isNull());
    assertEquals("OPTIONAL", endpoint("GET", "/api/books/{id}").at("/response/kind").asText());
    assertEquals("[]", delete.get("waivers").toString());
  }

  @Test
  void theReportHasARowPerEndpointAndEveryWaiverEscaped() {
    String md = Fixtures.resource(compilation, Inventory.MARKDOWN).orElseThrow();
    assertTrue(md.startsWith("# Security inventory\n"), md);
    assertTrue(md.contains("7 endpoints in 2 APIs"), md);
    assertEquals(7, md.lines().filter(l -> l.matches("\\| (GET|POST|PUT|DELETE|PATCH) \\| `.*")).count(), md);
    assertTrue(md.contains("| POST | `/api/books/signup` | public: readers sign up |"), md);
    assertTrue(md.contains("| BW204 | GET /api/books | LibraryApi.search(raw) | a test \\| of the report's escaping |"), md);
    assertTrue(md.contains("{id} by BookOwnership, else 403"), md);
  }

  @Test
  void tableCellsCannotBreakTheTable() {
    assertEquals("a \\| b c 'code' &lt;script> \\\\", InventoryReport.cell("a | b\nc `code` <script> \\"));
  }

  /** The whole outputs, compared as text: a change to the attack surface of the fixture shows up as this diff. */
  @ParameterizedTest
  @CsvSource({"META-INF/bulwark/inventory.json, inventory.json", "META-INF/bulwark/inventory.md, inventory.md",
      "META-INF/bulwark/openapi.json, openapi.json"})
  void outputsMatchTheGoldenFiles(String resource, String golden) throws IOException {
    String actual = Fixtures.resource(compilation, resource).orElseThrow();
    Path file = Paths.get(System.getProperty("bulwark.golden.dir", "src/test/resources/golden"), "reports", golden);
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
        "the report changed; rerun with -Dbulwark.golden.update=true if that was intended, and review the diff");
  }
}
