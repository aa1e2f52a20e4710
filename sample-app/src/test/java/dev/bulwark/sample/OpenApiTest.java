package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.RouteSet;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenAPI document and the security inventory the processor wrote for the sample, read from the classpath as an
 * application would ship them: both validate, and both match what the two servers actually answer.
 */
class OpenApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final List<String> API_FILES = List.of("dev.bulwark.sample.AdminApi", "dev.bulwark.sample.AuthApi",
      "dev.bulwark.sample.PostsApi", "dev.bulwark.sample.UsersApi");

  private static String text;
  private static JsonNode doc;
  private static JsonNode inventory;

  @BeforeAll
  static void load() throws IOException {
    text = resource("/META-INF/bulwark/openapi.json");
    doc = JSON.readTree(text);
    inventory = JSON.readTree(resource("/META-INF/bulwark/inventory.json"));
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = OpenApiTest.class.getResourceAsStream(path)) {
      assertNotNull(in, path + " is not on the classpath: the processor did not write it");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theMergedAndPerApiDocumentsAreValidOpenApi31() throws IOException {
    List<String> texts = new ArrayList<>(List.of(text));
    for (String api : API_FILES) {
      texts.add(resource("/META-INF/bulwark/openapi/" + api + ".json"));
    }
    for (String document : texts) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
      assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages());
      assertEquals(SpecVersion.V31, result.getOpenAPI().getSpecVersion());
    }
  }

  @Test
  void everySchemaIsAValidJsonSchema() {
    Schema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    List<String> problems = new ArrayList<>();
    List<JsonNode> schemas = new ArrayList<>();
    doc.at("/components/schemas").forEach(schemas::add);
    doc.get("paths").findValues("schema").forEach(schemas::add);
    assertTrue(schemas.size() > 30, "the walk found too few schemas: " + schemas.size());
    for (JsonNode schema : schemas) {
      meta.validate(schema.toString(), InputFormat.JSON).forEach(e -> problems.add(schema + ": " + e));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theDocumentTheInventoryAndTheMountedRoutesListTheSameOperations() {
    Set<String> mounted = new TreeSet<>();
    try (SampleApp app = new SampleApp(Map.of(), Clock.systemUTC(), m -> { })) {
      for (RouteSet set : app.routes) {
        for (Route route : set.routes()) {
          mounted.add(route.method() + " " + route.template().text());
        }
      }
    }
    Set<String> inventoried = new TreeSet<>();
    inventory.get("endpoints").forEach(e -> inventoried.add(e.get("method").asText() + " " + e.get("path").asText()));
    assertEquals(mounted, documented());
    assertEquals(mounted, inventoried);
    assertTrue(mounted.size() >= 17, "the sample serves " + mounted);
  }

  @Test
  void theDocumentSaysWhatTheAnnotationsSay() {
    assertEquals("[]", doc.at("/paths/~1api~1auth~1login/post/security").toString(), "login is public");
    assertEquals("[]", doc.at("/paths/~1api~1posts~1search/get/security").toString(), "search is public");
    assertEquals("[{\"bearerAuth\":[]},{\"apiKeyAuth\":[]}]", doc.at("/paths/~1api~1posts/get/security").toString());
    assertEquals("[\"admin\"]", doc.at("/paths/~1api~1admin~1users/get/x-bulwark-roles").toString());
    assertEquals("#/components/responses/TooManyRequests",
        doc.at("/paths/~1api~1auth~1login/post/responses/429/$ref").asText());
    assertEquals("#/components/responses/Unauthorized",
        doc.at("/paths/~1api~1auth~1login/post/responses/401/$ref").asText(), "a refused login is a 401");
    assertTrue(doc.at("/paths/~1api~1posts~1search/get/responses/401").isMissingNode(), "search refuses no one");
    assertEquals("#/components/responses/Problem", doc.at("/paths/~1api~1auth~1register/post/responses/default/$ref")
        .asText(), "a duplicate sign-up is the implementation's 409, covered by the default problem");
    JsonNode newPost = doc.at("/components/schemas/NewPost");
    assertEquals(200, newPost.at("/properties/title/maxLength").asInt());
    assertEquals("BASIC_HTML", newPost.at("/properties/body/x-bulwark-sanitize").asText());
    assertFalse(newPost.get("additionalProperties").asBoolean(true));
    JsonNode register = doc.at("/components/schemas/AuthApi.Register/properties");
    assertEquals("email", register.at("/email/format").asText());
    assertTrue(register.at("/password/writeOnly").asBoolean());
    assertEquals(1000, doc.at("/components/schemas/PostsApi.NewComment/properties/content/maxLength").asInt());
    JsonNode login = inventoryEntry("POST", "/api/auth/login");
    assertEquals(2, login.get("rateLimits").size());
    assertTrue(login.get("rateLimits").findValues("failuresOnly").stream().allMatch(JsonNode::asBoolean));
    assertEquals("BW305", inventoryEntry("POST", "/api/auth/register").at("/waivers/0/rule").asText());
    assertEquals("dev.bulwark.sample.PostOwnership", inventoryEntry("GET", "/api/posts/{id}").at("/ownership/checker").asText());
  }

  /**
   * Every documented operation routes on both servers (an anonymous request reaches the endpoint's own guards: it is
   * never a 404 or 405), any other method on a documented path is a 405 whose {@code Allow} lists exactly the
   * documented methods, and real responses match the documented schemas.
   */
  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theServersAnswerWhatTheDocumentDescribes(ServerKind kind) {
    try (BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), Map.of())) {
      Client c = new Client(server.baseUrl());
      for (String operation : documented()) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
        boolean body = doc.at(pointer(operation) + "/requestBody").isObject();
        Client.Reply reply = c.send(method, path, body ? "{}" : null);
        assertNotEquals(404, reply.status(), operation + " did not route: " + reply.body());
        assertNotEquals(405, reply.status(), operation + " did not route: " + reply.body());
        assertTrue(documentedStatuses(operation).contains(Integer.toString(reply.status())),
            operation + " answered " + reply.status() + ", which the document does not list");
        if (reply.status() >= 400) {
          assertConforms("#/components/schemas/Problem", reply.body());
        }
      }
      Map<String, Set<String>> methodsByPath = new java.util.TreeMap<>();
      for (String operation : documented()) {
        methodsByPath.computeIfAbsent(operation.substring(operation.indexOf(' ') + 1), k -> new TreeSet<>())
            .add(operation.substring(0, operation.indexOf(' ')));
      }
      methodsByPath.forEach((template, own) -> {
        String path = template.replaceAll("\\{[^}]+}", "1");
        // A concrete path can match several templates (/api/posts/search is also an {id}): Allow names them all.
        Set<String> methods = new TreeSet<>();
        methodsByPath.forEach((other, its) -> {
          if (matches(other, path)) {
            methods.addAll(its);
          }
        });
        assertTrue(methods.containsAll(own));
        Client.Reply reply = c.send("PATCH", path, "{}");
        assertEquals(405, reply.status(), "PATCH " + template);
        Set<String> allowed = Arrays.stream(reply.header("Allow").split(","))
            .map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(m -> !m.equals("HEAD") && !m.equals("OPTIONS"))
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(methods, allowed, "Allow of " + template);
      });

      String email = "openapi-" + kind.name().toLowerCase(Locale.ROOT) + "@example.com";
      Client.Reply registered = c.post("/api/auth/register",
          "{\"email\":\"" + email + "\",\"password\":\"violet harbour under seven lamps\",\"name\":\"Olive\"}");
      assertEquals(201, registered.status(), registered.body());
      assertConforms(responseSchema("POST /api/auth/register", 201), registered.body());
      Client.Reply login = c.post("/api/auth/login",
          "{\"email\":\"" + email + "\",\"password\":\"violet harbour under seven lamps\"}");
      assertConforms(responseSchema("POST /api/auth/login", 200), login.body());
      String auth = Client.bearer(login.json().get("accessToken").asText());
      assertConforms(responseSchema("GET /api/users/me", 200), c.get("/api/users/me", "Authorization", auth).body());
      Client.Reply post = c.post("/api/posts", "{\"title\":\"Schemas\",\"body\":\"<b>hi</b>\"}", "Authorization", auth);
      assertEquals(201, post.status(), post.body());
      assertConforms(responseSchema("POST /api/posts", 201), post.body());
      assertConforms(responseSchema("GET /api/posts", 200), c.get("/api/posts", "Authorization", auth).body());
      Client.Reply invalid = c.post("/api/posts", "{\"title\":\"\"}", "Authorization", auth);
      assertEquals(400, invalid.status());
      assertConforms("#/components/schemas/Problem", invalid.body());
      assertFalse(invalid.json().get("errors").isEmpty());
      // What the document's schema refuses, the server refuses too.
      assertFalse(problems(responseOrBody("POST /api/posts"), "{\"title\":\"x\",\"role\":\"admin\"}").isEmpty());
      assertEquals(400, c.post("/api/posts", "{\"title\":\"x\",\"role\":\"admin\"}", "Authorization", auth).status());
    }
  }

  /** With {@code BULWARK_SERVE_OPENAPI=1} the sample serves the very document the build wrote; without it, nothing. */
  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theDocumentIsServedOnlyWhenAsked(ServerKind kind) {
    try (BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), Map.of(OpenApiDocument.ENV, "1"))) {
      Client.Reply served = new Client(server.baseUrl()).get("/openapi.json");
      assertEquals(200, served.status());
      assertEquals(text, served.body());
      assertTrue(served.header("Content-Type").startsWith("application/json"));
      assertEquals("nosniff", served.header("X-Content-Type-Options"));
    }
    try (BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), Map.of())) {
      assertEquals(404, new Client(server.baseUrl()).get("/openapi.json").status());
    }
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> OpenApiDocument.withRoutes(List.of(), Map.of(OpenApiDocument.ENV, "yes")));
  }

  private static boolean matches(String template, String path) {
    String[] t = template.split("/");
    String[] p = path.split("/");
    if (t.length != p.length) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      if (!t[i].startsWith("{") && !t[i].equals(p[i])) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode inventoryEntry(String method, String path) {
    for (JsonNode e : inventory.get("endpoints")) {
      if (e.get("method").asText().equals(method) && e.get("path").asText().equals(path)) {
        return e;
      }
    }
    throw new AssertionError("not inventoried: " + method + " " + path);
  }

  /** Every documented operation as {@code METHOD /path}. */
  private static Set<String> documented() {
    Set<String> out = new TreeSet<>();
    doc.get("paths").properties().forEach(path -> path.getValue().properties()
        .forEach(op -> out.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return out;
  }

  private static String pointer(String operation) {
    String method = operation.substring(0, operation.indexOf(' ')).toLowerCase(Locale.ROOT);
    String path = operation.substring(operation.indexOf(' ') + 1).replace("~", "~0").replace("/", "~1");
    return "/paths/" + path + "/" + method;
  }

  private static Set<String> documentedStatuses(String operation) {
    Set<String> out = new TreeSet<>();
    doc.at(pointer(operation) + "/responses").fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static JsonNode responseSchema(String operation, int status) {
    JsonNode schema = doc.at(pointer(operation) + "/responses/" + status + "/content/application~1json/schema");
    assertFalse(schema.isMissingNode(), "no schema for " + status + " of " + operation);
    return schema;
  }

  private static JsonNode responseOrBody(String operation) {
    return doc.at(pointer(operation) + "/requestBody/content/application~1json/schema");
  }

  private static void assertConforms(String ref, String body) {
    assertConforms(JSON.createObjectNode().put("$ref", ref), body);
  }

  private static void assertConforms(JsonNode schema, String body) {
    assertEquals(List.of(), problems(schema, body), body);
  }

  /** What the schema (its references resolved against the document's components) finds wrong with the body. */
  private static List<String> problems(JsonNode schema, String body) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("$defs", doc.at("/components/schemas"));
    root.set("allOf", JSON.createArrayNode().add(schema));
    Schema compiled = SCHEMAS.getSchema(root.toString().replace("#/components/schemas/", "#/$defs/"), InputFormat.JSON);
    List<String> out = new ArrayList<>();
    compiled.validate(body, InputFormat.JSON).forEach(e -> out.add(e.toString()));
    return out;
  }
}
