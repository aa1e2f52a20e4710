package dev.bulwark.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.annotations.Scheme;
import dev.bulwark.auth.Principal;
import dev.bulwark.auth.audit.AuditLog;
import dev.bulwark.runtime.bind.Converters;
import dev.bulwark.runtime.bind.Params;
import dev.bulwark.runtime.http.HeaderPolicy;
import dev.bulwark.runtime.http.Problems;
import dev.bulwark.runtime.json.Json;
import dev.bulwark.runtime.json.JsonBodyReader;
import dev.bulwark.runtime.json.JsonBodyWriter;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.Router;
import dev.bulwark.runtime.security.Access;
import dev.bulwark.runtime.security.Security;
import dev.bulwark.runtime.server.Dispatcher;
import dev.bulwark.runtime.server.ServerSettings;
import dev.bulwark.runtime.transport.CorsPolicy;
import dev.bulwark.runtime.validation.Violations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Arbitrary request lines and header blocks through the whole dispatcher, the pipeline both servers run: framing,
 * header limits, the firewall, CORS, routing, then handlers that authenticate ({@code Authorization} and
 * {@code X-API-Key} pre-checks and verification), bind a path variable and a query parameter, and read a JSON body
 * (the {@code Content-Type} check). Properties of every response:
 *
 * <ul>
 *   <li>exactly one response, never a 500, and a status the pipeline documents;
 *   <li>no header value with CR, LF or another control character (checked as each header is set), the security
 *       headers with their configured values, and a fresh {@code X-Request-Id} (never the client's);
 *   <li>no header echoes a request header's value, except {@code Access-Control-Allow-Origin}, which only ever
 *       carries the allow-listed origin, sent by the client;
 *   <li>a problem body is one strict JSON object with the fixed title for its status, the response's request id, and
 *       only declared field names;
 *   <li>the protected route answers 200 only for exactly the valid token or the valid API key (one of them, not
 *       both), as that credential's principal; a 401 carries a Bearer challenge, a 405 an {@code Allow}.
 * </ul>
 */
final class RequestHeadersFuzzTest {
  private static final String ORIGIN = "https://app.example.com";
  private static final Set<Integer> STATUSES = Set.of(200, 204, 400, 401, 403, 404, 405, 413, 415, 429, 431);
  private static final List<String> HEADER_NAMES = List.of("Authorization", "X-API-Key", "Origin",
      "Access-Control-Request-Method", "Access-Control-Request-Headers", "Content-Type", "Content-Length",
      "Transfer-Encoding", "Host", "X-Request-Id", "X-HTTP-Method-Override", "X-Forwarded-For", "Forwarded", "Cookie",
      "authorization", "x-api-key", "origin");
  private static final List<String> METHODS = List.of("GET", "POST", "OPTIONS", "HEAD", "PUT", "DELETE", "TRACE",
      "PATCH", "CONNECT", "get");
  /** Constant response header values: a request value inside one of these is not an echo. */
  private static final List<String> VOCABULARY = new ArrayList<>();
  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern BODY_FIELDS = FieldPaths.forBody(Order.class);
  private static final Set<String> OTHER_FIELDS = Set.of("path", "query", "query.q", "path.id");

  private static final Access ITEM_ACCESS = new Access("Fuzz.item", Set.of(Scheme.BEARER, Scheme.API_KEY),
      Set.of("user"), Set.of());
  private static final Access ORDER_ACCESS = new Access("Fuzz.order", Set.of(Scheme.BEARER), Set.of(), Set.of());
  private static final JsonBodyReader<Order> ORDER = Json.reader(Order.class);
  private static final JsonBodyWriter<Item> ITEM = Json.writer(Item.class);
  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final Dispatcher DISPATCHER;

  /** What the protected route answers. */
  record Item(long id, String owner) {}

  static {
    Security security = Security.builder().jwt(Credentials.VERIFIER)
        .apiKeys(Credentials.API_KEYS, owner -> Set.of("user"))
        .audit(AuditLog.to((event, line) -> { }, Credentials.CLOCK)).build();
    List<Route> routes = List.of(
        Route.of("GET", "/api/items/{id}", "Fuzz.item", call -> {
          Principal caller = security.require(call, ITEM_ACCESS);
          long id = Params.longValue(call.pathParam("id"), "path.id");
          call.respondJson(200, ITEM, new Item(id, caller.id()));
        }),
        Route.of("POST", "/api/orders", "Fuzz.order", call -> {
          security.optional(call, ORDER_ACCESS);
          Order order = call.jsonBody(ORDER);
          Violations violations = new Violations();
          Order_Validator.validate(order, violations, "body");
          violations.throwIfAny();
          call.respondEmpty(204);
        }),
        Route.of("GET", "/api/search", "Fuzz.search", call -> {
          String q = Params.required(call.queryParam("q"), "query.q", Converters.STRING);
          call.respondJson(200, ITEM, new Item(q.length(), "search"));
        }));
    CorsPolicy cors = CorsPolicy.allowOrigins(ORIGIN).allowMethods("GET", "POST")
        .allowHeaders("Content-Type", "Authorization", "X-API-Key").allowCredentials(true).exposeHeaders("X-Request-Id");
    DISPATCHER = new Dispatcher(Router.of(routes), ServerSettings.defaults().cors(cors));
    VOCABULARY.addAll(HeaderPolicy.defaults().headers().values());
    VOCABULARY.addAll(List.of("Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
        "Bearer error=\"invalid_token\"", "GET, HEAD, POST", "content-type, authorization, x-api-key", "close",
        "application/json", "application/problem+json", "X-Request-Id", "x-request-id", "true", "600"));
  }

  @FuzzTest(maxDuration = "30s")
  void dispatch(FuzzedDataProvider data) throws IOException {
    String method = data.consumeInt(0, 9) > 0 ? data.pickValue(METHODS) : data.consumeString(10);
    String path = switch (data.consumeInt(0, 4)) {
      case 0 -> "/api/items/" + data.consumeInt(-5, 1_000_000);
      case 1 -> "/api/items/" + data.consumeString(30);
      case 2 -> "/api/orders";
      case 3 -> "/api/search";
      default -> data.consumeString(60);
    };
    String query = switch (data.consumeInt(0, 3)) {
      case 0 -> null;
      case 1 -> "q=" + data.consumeString(40);
      default -> data.consumeString(60);
    };
    List<String[]> headers = new ArrayList<>();
    if (data.consumeInt(0, 9) > 0) {
      headers.add(new String[] {"Host", "127.0.0.1"});
    }
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      String name = data.consumeInt(0, 5) > 0 ? data.pickValue(HEADER_NAMES) : data.consumeString(20);
      String value = switch (data.consumeInt(0, 9)) {
        case 0 -> "Bearer " + Credentials.VALID_TOKEN;
        case 1 -> Credentials.VALID_API_KEY;
        case 2 -> ORIGIN;
        case 3 -> "application/json";
        case 4 -> Integer.toString(data.consumeInt(0, 2_000_000));
        default -> data.consumeString(120);
      };
      headers.add(new String[] {name, value});
    }
    byte[] body = data.consumeRemainingAsBytes();
    FakeExchange exchange = new FakeExchange(method, path, query, headers, body, nextClient());

    DISPATCHER.dispatch(exchange);

    assertTrue(exchange.sent(), "no response");
    int status = exchange.status;
    assertTrue(STATUSES.contains(status), "status " + status + " for " + method + " " + path);
    Map<String, String> out = exchange.responseHeaders;
    String requestId = out.get("X-Request-Id");
    assertTrue(requestId != null && REQUEST_ID.matcher(requestId).matches(), "no fresh request id");
    HeaderPolicy.defaults().headers().forEach((name, value) -> assertEquals(value, out.get(name), name + " is missing"));
    assertNoEcho(headers, out);
    if (out.containsKey("Access-Control-Allow-Origin")) {
      assertEquals(ORIGIN, out.get("Access-Control-Allow-Origin"), "CORS allowed an origin that is not on the list");
      assertEquals(ORIGIN, exchange.header("Origin"), "CORS allowed an origin the client did not send");
    }
    if (status == 401) {
      assertTrue(Set.of("Bearer", "Bearer error=\"invalid_token\"").contains(out.get("WWW-Authenticate")),
          "a 401 without the Bearer challenge");
    }
    if (status == 405) {
      assertNotNull(out.get("Allow"), "a 405 without Allow");
    }
    if (Problems.CONTENT_TYPE.equals(exchange.contentType)) {
      assertProblem(exchange, status, requestId);
    }
    if (status == 200 && path.startsWith("/api/items/") && !"/api/items/".equals(path)) {
      Item item = Json.reader(Item.class).read(exchange.responseBody);
      String authorization = exchange.header("Authorization");
      String apiKey = exchange.header("X-API-Key");
      boolean token = authorization != null && apiKey == null
          && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
          && authorization.substring(7).equals(Credentials.VALID_TOKEN);
      boolean key = authorization == null && Credentials.VALID_API_KEY.equals(apiKey);
      assertTrue(token || key, "the protected route answered 200 without exactly one valid credential");
      assertEquals(token ? "user-1" : "user-2", item.owner(), "the wrong principal");
    }
  }

  private static void assertNoEcho(List<String[]> request, Map<String, String> response) {
    for (String[] h : request) {
      String value = h[1];
      if (value.length() < 8 || VOCABULARY.stream().anyMatch(v -> v.contains(value))) {
        continue;
      }
      response.forEach((name, sent) -> {
        if (!name.equalsIgnoreCase("Access-Control-Allow-Origin")) {
          assertFalse(sent.contains(value), "response header " + name + " echoes the request's " + h[0]);
        }
      });
    }
  }

  private static void assertProblem(FakeExchange exchange, int status, String requestId) throws IOException {
    JsonNode problem = STRICT.readTree(exchange.responseBody);
    assertTrue(problem.isObject());
    problem.fieldNames().forEachRemaining(name -> assertTrue(
        Set.of("type", "title", "status", "requestId", "errors").contains(name), "a problem member " + name));
    assertEquals(status, problem.get("status").intValue());
    assertEquals(Problems.title(status), problem.get("title").textValue());
    assertEquals(requestId, problem.get("requestId").textValue());
    if (problem.has("errors")) {
      for (JsonNode error : problem.get("errors")) {
        String field = error.get("field").textValue();
        assertTrue(OTHER_FIELDS.contains(field) || BODY_FIELDS.matcher(field).matches(),
            "a problem names an undeclared field: " + field);
      }
    }
  }

  /** Each request from its own address, so the server-wide per-client ceiling does not turn everything into 429s. */
  private static InetSocketAddress nextClient() {
    int n = CLIENTS.incrementAndGet();
    try {
      return new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, (byte) (n >> 16), (byte) (n >> 8), (byte) n}),
          40_000);
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
