package dev.bulwark.processor.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validation of a generated document with real validators: swagger-parser reads it as OpenAPI 3.1 and must report
 * nothing; every schema in it must be a valid JSON Schema 2020-12 document (networknt, against the meta-schema it
 * ships); and component schemas can be applied to instances.
 */
public final class OpenApiValidation {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema META = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

  private OpenApiValidation() {}

  /** Parses with swagger-parser, failing on any message. */
  public static OpenAPI parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    assertEquals(List.of(), messages, "swagger-parser found problems in the document");
    assertNotNull(result.getOpenAPI());
    assertEquals(SpecVersion.V31, result.getOpenAPI().getSpecVersion());
    return result.getOpenAPI();
  }

  /** Every schema object in the document (components, parameters, bodies, responses, headers), by JSON Pointer. */
  public static Map<String, JsonNode> schemas(JsonNode doc) {
    Map<String, JsonNode> out = new java.util.TreeMap<>();
    doc.at("/components/schemas").properties().forEach(e -> out.put("/components/schemas/" + e.getKey(), e.getValue()));
    collect(doc.get("paths"), "/paths", out);
    collect(doc.at("/components/responses"), "/components/responses", out);
    collect(doc.at("/components/headers"), "/components/headers", out);
    return out;
  }

  private static void collect(JsonNode node, String pointer, Map<String, JsonNode> out) {
    if (node == null || !node.isContainerNode()) {
      return;
    }
    if (node.isObject()) {
      node.properties().forEach(e -> {
        String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        if (e.getKey().equals("schema")) {
          out.put(child, e.getValue());
        } else {
          collect(e.getValue(), child, out);
        }
      });
    } else {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  /** The meta-schema's complaints about each schema of the document; empty when all are valid JSON Schemas. */
  public static List<String> invalidSchemas(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    schemas(doc).forEach((pointer, schema) -> META.validate(schema.toString(), InputFormat.JSON)
        .forEach(error -> problems.add(pointer + ": " + error)));
    return problems;
  }

  /** A component schema of the document, with its references resolved inside the document, ready to validate. */
  public static Schema component(JsonNode doc, String name) {
    ObjectNode root = Fixtures.JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("$defs", doc.at("/components/schemas"));
    root.put("$ref", "#/components/schemas/" + name);
    return REGISTRY.getSchema(root.toString().replace("#/components/schemas/", "#/$defs/"), InputFormat.JSON);
  }

  /** What the schema says is wrong with the instance; empty when it conforms. */
  public static List<String> problems(Schema schema, String instance) {
    List<String> out = new ArrayList<>();
    schema.validate(instance, InputFormat.JSON).forEach(e -> out.add(e.toString()));
    return out;
  }
}
