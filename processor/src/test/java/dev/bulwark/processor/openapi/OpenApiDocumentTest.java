package dev.bulwark.processor.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.networknt.schema.Schema;
import dev.bulwark.processor.BulwarkProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI 3.1 documents the processor writes, validated with real validators and checked against the fixture. */
class OpenApiDocumentTest {
  private static final String MERGED = "META-INF/bulwark/openapi.json";
  private static final String LIBRARY = "META-INF/bulwark/openapi/library.LibraryApi.json";
  private static final String SHELF = "META-INF/bulwark/openapi/library.shelf.ShelfApi.json";

  private static Compilation compilation;
  private static JsonNode merged;
  private static JsonNode library;

  @BeforeAll
  static void compile() {
    compilation = Fixtures.compileLibrary();
    merged = Fixtures.json(compilation, MERGED);
    library = Fixtures.json(compilation, LIBRARY);
  }

  @Test
  void everyDocumentIsValidOpenApi31ForSwaggerParser() {
    for (String path : List.of(MERGED, LIBRARY, SHELF)) {
      OpenApiValidation.parse(Fixtures.resource(compilation, path).orElseThrow());
    }
    assertEquals("3.1.0", merged.get("openapi").asText());
    assertEquals("library", merged.at("/info/title").asText());
    assertEquals("LibraryApi", library.at("/info/title").asText());
  }

  @Test
  void everySchemaInTheDocumentsIsAValidJsonSchema() {
    assertTrue(OpenApiValidation.schemas(merged).size() > 20, "too few schemas found: the walk is broken");
    assertEquals(List.of(), OpenApiValidation.invalidSchemas(merged));
    assertEquals(List.of(), OpenApiValidation.invalidSchemas(library));
  }

  @Test
  void theMergedDocumentHasEveryOperationOfEveryApi() {
    List<String> operations = new ArrayList<>();
    merged.get("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(op -> operations.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
    assertEquals(List.of("GET /api/books", "POST /api/books", "POST /api/books/signup", "DELETE /api/books/{id}",
        "GET /api/books/{id}", "GET /api/shelves", "GET /api/shelves/counts"), operations);
  }

  @Test
  void constraintsBecomeJsonSchemaKeywords() {
    JsonNode book = merged.at("/components/schemas/LibraryApi.NewBook");
    assertEquals(false, book.get("additionalProperties").asBoolean(true), "unknown properties are refused");
    assertEquals("[\"title\",\"genre\",\"tags\",\"rating\"]", book.get("required").toString());
    JsonNode p = book.get("properties");
    assertEquals(200, p.at("/title/maxLength").asInt());
    assertEquals(1, p.at("/title/minLength").asInt());
    assertEquals("TEXT", p.at("/title/x-bulwark-sanitize").asText());
    assertEquals("BASIC_HTML", p.at("/summary/x-bulwark-sanitize").asText());
    assertEquals("^(?:[0-9]{13})$", p.at("/isbn/pattern").asText());
    assertEquals(13, p.at("/isbn/maxLength").asInt());
    assertEquals(10, p.at("/tags/maxItems").asInt());
    assertEquals(40, p.at("/tags/items/maxLength").asInt());
    assertEquals(1, p.at("/tags/items/minLength").asInt());
    assertEquals(1, p.at("/rating/minimum").asInt());
    assertEquals(5, p.at("/rating/maximum").asInt());
    assertEquals(0.0, p.at("/price/exclusiveMinimum").asDouble(-1));
    assertEquals(999.99, p.at("/price/maximum").asDouble());
    assertEquals("[\"FICTION\",\"HISTORY\"]", p.at("/genre/enum").toString());
    assertEquals("#/components/schemas/LibraryApi.Author", p.at("/author/$ref").asText());
    assertEquals("email", merged.at("/components/schemas/LibraryApi.Author/properties/email/format").asText());
    assertTrue(merged.at("/components/schemas/LibraryApi.Signup/properties/password/writeOnly").asBoolean());
  }

  @Test
  void theSchemasAcceptWhatTheHandlersAcceptAndRefuseWhatTheyRefuse() {
    Schema newBook = OpenApiValidation.component(merged, "LibraryApi.NewBook");
    String valid = "{\"title\":\"Dune\",\"summary\":null,\"genre\":\"FICTION\",\"isbn\":\"9780441013593\","
        + "\"tags\":[\"sf\"],\"author\":{\"name\":\"Frank\",\"email\":\"f@example.com\"},\"rating\":5,\"price\":9.99}";
    assertEquals(List.of(), OpenApiValidation.problems(newBook, valid.replace("\"summary\":null,", "")));
    for (String invalid : List.of(
        valid.replace("\"rating\":5", "\"rating\":5,\"owner\":\"admin\""),  // mass assignment
        valid.replace("Dune", "x".repeat(201)),
        valid.replace("9780441013593", "97804410135"),
        valid.replace("\"rating\":5", "\"rating\":6"),
        valid.replace("\"price\":9.99", "\"price\":0"),
        valid.replace("\"genre\":\"FICTION\"", "\"genre\":\"POETRY\""),
        valid.replace("\"title\":\"Dune\",", ""),
        valid.replace("\"name\":\"Frank\",", "\"name\":\"Frank\",\"extra\":1,"))) {
      assertFalse(OpenApiValidation.problems(newBook, invalid).isEmpty(), "accepted " + invalid);
    }
    Schema shown = OpenApiValidation.component(library, "Book");
    assertEquals(List.of(), OpenApiValidation.problems(shown,
        "{\"id\":1,\"title\":null,\"genre\":\"HISTORY\",\"isbn\":null,\"tags\":[],\"addedAt\":\"2026-01-01T00:00:00Z\"}"));
  }

  @Test
  void parametersCarryTheirSourceRequirednessAndConstraints() {
    JsonNode get = merged.at("/paths/~1api~1books~1{id}/get/parameters/0");
    assertEquals("id", get.get("name").asText());
    assertEquals("path", get.get("in").asText());
    assertTrue(get.get("required").asBoolean());
    assertEquals("int64", get.at("/schema/format").asText());
    assertEquals(0, get.at("/schema/exclusiveMinimum").asInt());
    JsonNode search = merged.at("/paths/~1api~1books/get/parameters");
    assertEquals("q", search.at("/0/name").asText());
    assertFalse(search.at("/0/required").asBoolean());
    assertEquals(100, search.at("/0/schema/maxLength").asInt());
    assertEquals("array", search.at("/1/schema/type").asText());
    assertEquals(3, search.at("/1/schema/maxItems").asInt());
    assertEquals("header", search.at("/2/in").asText());
    assertEquals("uuid", search.at("/2/schema/format").asText());
  }

  @Test
  void securityFollowsTheAccessDecision() {
    assertEquals("[]", merged.at("/paths/~1api~1books/get/security").toString(), "public: no security");
    assertEquals("[{\"bearerAuth\":[\"books_write\"]},{\"apiKeyAuth\":[\"books_write\"]}]",
        merged.at("/paths/~1api~1books/post/security").toString());
    assertEquals("[\"librarian\"]", merged.at("/paths/~1api~1books/post/x-bulwark-roles").toString());
    assertEquals("[{\"bearerAuth\":[]}]", merged.at("/paths/~1api~1books~1{id}/get/security").toString());
    assertEquals("bearer", merged.at("/components/securitySchemes/bearerAuth/scheme").asText());
    assertEquals("JWT", merged.at("/components/securitySchemes/bearerAuth/bearerFormat").asText());
    assertEquals("X-API-Key", merged.at("/components/securitySchemes/apiKeyAuth/name").asText());
    assertEquals("header", merged.at("/components/securitySchemes/apiKeyAuth/in").asText());
    JsonNode shelf = Fixtures.json(compilation, SHELF);
    assertTrue(shelf.at("/components/securitySchemes/apiKeyAuth").isMissingNode(), "only the schemes the API uses");
  }

  @Test
  void problemResponsesFollowWhatThePipelineCanRefuse() {
    JsonNode create = merged.at("/paths/~1api~1books/post/responses");
    assertEquals(List.of("201", "400", "401", "403", "413", "415", "429", "default"), keys(create));
    assertEquals("#/components/schemas/library.Book", create.at("/201/content/application~1json/schema/$ref").asText());
    assertEquals("#/components/headers/RateLimit", create.at("/201/headers/RateLimit/$ref").asText());
    assertEquals("#/components/responses/TooManyRequests", create.at("/429/$ref").asText());
    assertEquals(List.of("200", "400", "429", "default"), keys(merged.at("/paths/~1api~1books/get/responses")));
    JsonNode delete = merged.at("/paths/~1api~1books~1{id}/delete/responses");
    assertEquals(List.of("204", "400", "401", "403", "404", "429", "default"), keys(delete));
    assertTrue(delete.at("/204/content").isMissingNode());
    assertEquals(List.of("200", "400", "401", "403", "default"), keys(merged.at("/paths/~1api~1shelves/get/responses")));
    assertEquals("#/components/schemas/Problem",
        merged.at("/components/responses/Problem/content/application~1problem+json/schema/$ref").asText());
    JsonNode tooMany = merged.at("/components/responses/TooManyRequests");
    assertEquals(List.of("RateLimit", "RateLimit-Policy", "Retry-After"), keys(tooMany.get("headers")));
    assertEquals("#/components/schemas/Problem",
        tooMany.at("/content/application~1problem+json/schema/$ref").asText());
    assertEquals("#/components/headers/WWW-Authenticate",
        merged.at("/components/responses/Unauthorized/headers/WWW-Authenticate/$ref").asText());
    assertEquals("[\"type\",\"title\",\"status\",\"requestId\"]",
        merged.at("/components/schemas/Problem/required").toString());
  }

  @Test
  void recordsWithTheSameSimpleNameAreToldApartOnlyWhereTheyMeet() {
    assertTrue(merged.at("/components/schemas/library.Book").isObject());
    assertTrue(merged.at("/components/schemas/library.shelf.Book").isObject());
    assertTrue(merged.at("/components/schemas/Book").isMissingNode());
    assertTrue(library.at("/components/schemas/Book").isObject(), "alone in its document, Book keeps its name");
    assertEquals("integer", merged.at("/paths/~1api~1shelves~1counts/get/responses/200/content/application~1json"
        + "/schema/additionalProperties/type").asText());
  }

  @Test
  void theDocumentsAreByteForByteDeterministic() {
    Compilation again = Fixtures.compileLibrary();
    for (String path : List.of(MERGED, LIBRARY, SHELF, "META-INF/bulwark/inventory.json",
        "META-INF/bulwark/inventory.md")) {
      assertEquals(Fixtures.resource(compilation, path).orElseThrow(), Fixtures.resource(again, path).orElseThrow(), path);
    }
  }

  @Test
  void nothingIsWrittenWhenTheCompilationFails(@TempDir Path out) throws IOException {
    Path broken = out.resolve("Broken.java");
    Files.writeString(broken, "package library;\n@dev.bulwark.annotations.HttpApi(\"/broken\")\n"
        + "public interface Broken {\n  @dev.bulwark.annotations.GET(\"/{id}\") String get();\n}\n");
    Path library = out.resolve("LibraryApi.java");
    try (var in = getClass().getResourceAsStream("/fixtures/openapi/LibraryApi.java")) {
      Files.copy(in, library);
    }
    Path classes = Files.createDirectory(out.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
          "-implicit:none");
      JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), files, null, options, null,
          files.getJavaFileObjects(broken, library));
      task.setProcessors(List.of(new BulwarkProcessor()));
      assertFalse(task.call(), "the broken API must not compile");
    }
    assertFalse(Files.exists(classes.resolve("META-INF/bulwark")), "reports written for a failed compilation");
  }

  @Test
  void aFullCompilationWithTheSameCompilerWritesThem(@TempDir Path out) throws IOException {
    Path library = out.resolve("LibraryApi.java");
    try (var in = getClass().getResourceAsStream("/fixtures/openapi/LibraryApi.java")) {
      Files.copy(in, library);
    }
    Path classes = Files.createDirectory(out.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), files, null,
          List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")), null,
          files.getJavaFileObjects(library));
      task.setProcessors(List.of(new BulwarkProcessor()));
      assertTrue(task.call());
    }
    assertTrue(Files.exists(classes.resolve("META-INF/bulwark/inventory.json")));
    assertTrue(Files.exists(classes.resolve("META-INF/bulwark/openapi/library.LibraryApi.json")));
  }

  @Test
  void nothingIsWrittenWithoutAnApi() {
    Compilation plain = Fixtures.compile(JavaFileObjects.forSourceString("plain.Thing",
        "package plain;\n@dev.bulwark.annotations.Validated\npublic record Thing(@jakarta.validation.constraints.Size(max = 3) String s) {}\n"));
    assertEquals(Compilation.Status.SUCCESS, plain.status());
    assertTrue(plain.generatedFile(StandardLocation.CLASS_OUTPUT, MERGED).isEmpty());
  }

  private static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.properties().forEach(e -> out.add(e.getKey()));
    return out;
  }
}
