package dev.bulwark.sample;

import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.RouteSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /openapi.json}: the OpenAPI document the processor wrote into the build, served as it is when
 * {@value #ENV} is {@code 1}. Off by default: a public description of every endpoint is the operator's choice.
 */
final class OpenApiDocument implements RouteSet {
  static final String ENV = "BULWARK_SERVE_OPENAPI";
  static final String RESOURCE = "/META-INF/bulwark/openapi.json";

  private final byte[] document;

  private OpenApiDocument(byte[] document) {
    this.document = document;
  }

  /** The application's routes, with the document's route when {@value #ENV} asks for it. */
  static RouteSet[] withRoutes(List<RouteSet> routes, Map<String, String> env) {
    List<RouteSet> all = new ArrayList<>(routes);
    String serve = env.get(ENV);
    if (serve != null && !serve.isBlank() && !serve.strip().equals("0")) {
      if (!serve.strip().equals("1")) {
        throw new IllegalArgumentException(ENV + " must be 1 (serve GET /openapi.json) or 0 (do not)");
      }
      all.add(new OpenApiDocument(load()));
    }
    return all.toArray(new RouteSet[0]);
  }

  private static byte[] load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build: the Bulwark processor writes it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", "/openapi.json", "OpenApi.document",
        call -> call.exchange().send(200, "application/json", document)));
  }
}
