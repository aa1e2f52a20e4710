package dev.bulwark.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.runtime.bind.Params;
import dev.bulwark.runtime.bind.QueryString;
import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.transport.RequestFirewall;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.RouteMatch;
import dev.bulwark.runtime.routing.Router;
import dev.bulwark.runtime.validation.text.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Path and query binding as the servers run it: the request firewall, then {@link QueryString}, {@link Router}
 * matching with percent-decoded path variables, and the scalar {@link Converters} behind {@link Params}. Each
 * target checks the parser's answer against the grammar or against an independent model, not just that it
 * returns.
 */
final class BindingFuzzTest {
  private static final int MAX_PARAMS = 20;

  /**
   * A raw query string (after the firewall, as the dispatcher does it). Either it parses, or it is a 400 naming
   * {@code query} with a fixed message. What parses was written in RFC 3986 syntax (every {@code %} starts two hex
   * digits), and the parsed parameters survive being encoded again and parsed back unchanged.
   */
  @FuzzTest(maxDuration = "30s")
  void queryString(FuzzedDataProvider data) {
    String raw = data.consumeRemainingAsString();
    try {
      RequestFirewall.check("/", raw);
    } catch (HttpProblem refused) {
      assertEquals(400, refused.status());
      return;
    }
    QueryString parsed;
    try {
      parsed = QueryString.parse(raw, MAX_PARAMS);
    } catch (HttpProblem problem) {
      assertEquals(400, problem.status());
      assertEquals(1, problem.errors().size());
      assertEquals("query", problem.errors().get(0).field(), "a query problem names something else");
      assertTrue(Set.of("is not validly encoded", "has more than " + MAX_PARAMS + " parameters")
          .contains(problem.errors().get(0).message()), "a query problem with an unexpected message");
      return;
    }
    assertWellFormedEscapes(raw);

    Map<String, List<String>> model = model(parsed, raw);
    StringBuilder again = new StringBuilder();
    model.forEach((name, values) -> values.forEach(value -> {
      if (again.length() > 0) {
        again.append('&');
      }
      again.append(Encoding.strict(name)).append('=').append(Encoding.strict(value));
    }));
    QueryString reparsed = QueryString.parse(again.toString(), MAX_PARAMS);
    model.forEach((name, values) -> assertEquals(values, reparsed.all(name), "query parameter did not round-trip"));
    model.forEach((name, values) -> {
      if (values.size() > 1) {
        assertSingleRefused(parsed, name);
      } else {
        assertEquals(values.get(0), parsed.single(name));
      }
    });
  }

  /**
   * A method and a raw path against the sample's route shapes. A found route's template fits the raw segments, its
   * variables are the decoded segments and encode back to a path that finds the same route with the same values; a
   * literal segment always wins over a variable; a 405 lists exactly the methods of the fitting templates (HEAD
   * with GET); a 404 means no template fits. The only exception is a 400 naming a declared path variable.
   */
  @FuzzTest(maxDuration = "30s")
  void routing(FuzzedDataProvider data) {
    String method = data.pickValue(Routes.METHODS);
    String rawPath = data.consumeRemainingAsString();
    RouteMatch match;
    try {
      match = Routes.ROUTER.match(method, rawPath);
    } catch (HttpProblem problem) {
      assertEquals(400, problem.status());
      assertEquals(1, problem.errors().size());
      assertTrue(Routes.VARIABLE_FIELDS.contains(problem.errors().get(0).field()),
          "a routing problem names an undeclared field: " + problem.errors().get(0).field());
      return;
    }
    List<Routes.Shape> fitting = Routes.fitting(rawPath);
    String lookup = method.equals("HEAD") ? "GET" : method;
    if (match.route() != null) {
      Route route = match.route();
      assertEquals(lookup, route.method());
      Routes.Shape shape = Routes.shapeOf(route);
      assertTrue(fitting.contains(shape), "the router chose a template that does not fit " + rawPath);
      for (Routes.Shape other : fitting) {
        if (other != shape && other.methods().contains(lookup)) {
          assertFalse(Routes.moreSpecific(other, shape), "a less specific template won: " + shape + " over " + other);
        }
      }
      // The variables encode back to a path that finds the same route and the same values.
      Map<String, String> values = new LinkedHashMap<>();
      for (String variable : route.template().variableNames()) {
        String value = match.pathParam(variable);
        assertNotNull(value);
        values.put(variable, value);
      }
      RouteMatch again = Routes.ROUTER.match(method, shape.expand(values));
      assertEquals(route, again.route(), "re-encoded path variables chose another route");
      values.forEach((name, value) -> assertEquals(value, again.pathParam(name)));
    } else if (match.allow() != null) {
      assertFalse(fitting.isEmpty(), "a 405 for a path no template fits");
      TreeSet<String> allowed = new TreeSet<>();
      for (Routes.Shape shape : fitting) {
        allowed.addAll(shape.methods());
        if (shape.methods().contains("GET")) {
          allowed.add("HEAD");
        }
      }
      assertFalse(allowed.contains(method), "a 405 for a method the path allows");
      assertEquals(String.join(", ", allowed), match.allow());
    } else {
      assertTrue(fitting.isEmpty(), "a 404 for a path that fits " + fitting);
    }
  }

  /**
   * A raw value through each scalar converter, as {@code Params.required} binds it. Failure is a 400 naming only
   * the parameter with a fixed message (the value never comes back); success is a value whose canonical text
   * converts back to an equal value, and text comes back normalized (NFC, no control character, idempotent).
   */
  @FuzzTest(maxDuration = "30s")
  void scalarParams(FuzzedDataProvider data) {
    Scalars.Kind<?> kind = data.pickValue(Scalars.KINDS);
    String raw = data.consumeRemainingAsString();
    Object value;
    try {
      value = Params.required(raw, "query.x", kind.converter());
    } catch (HttpProblem problem) {
      assertEquals(400, problem.status());
      assertEquals(List.of(new HttpProblem.FieldError("query.x", "is not a valid value")), problem.errors(),
          "a conversion problem says more than the field and a fixed message");
      return;
    }
    assertNotNull(value);
    String canonical = kind.canonical(value);
    if (canonical.length() <= 64) {
      assertEquals(value, kind.converter().convert(canonical), kind.name() + " did not round-trip " + canonical);
    }
    if (value instanceof String text) {
      assertTrue(Texts.problem(text, false).isEmpty(), "converted text still has a problem: " + Texts.problem(text, false));
      assertTrue(java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC), "converted text is not NFC");
    }
    List<String> many = List.of(raw, raw);
    assertEquals(List.of(value, value), Params.list(many, "query.x", kind.converter(), 2));
    try {
      Params.list(many, "query.x", kind.converter(), 1);
      fail("a list over its bound was accepted");
    } catch (HttpProblem expected) {
      assertEquals("query.x", expected.errors().get(0).field());
    }
  }

  private static void assertWellFormedEscapes(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      assertTrue(c < 0x80, "an accepted query has a raw non-ASCII character");
      if (c == '%') {
        assertTrue(i + 2 < raw.length() && Encoding.isHex(raw.charAt(i + 1)) && Encoding.isHex(raw.charAt(i + 2)),
            "an accepted query has a % that is not followed by two ASCII hex digits at " + i);
      }
    }
  }

  /** The parameters, by name in first-seen order, from an independent split of the raw query. */
  private static Map<String, List<String>> model(QueryString parsed, String raw) {
    Map<String, List<String>> model = new LinkedHashMap<>();
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = Encoding.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
      model.computeIfAbsent(name, k -> new ArrayList<>())
          .add(eq < 0 ? "" : Encoding.decodeQuery(pair.substring(eq + 1)));
    }
    model.forEach((name, values) -> assertEquals(values, parsed.all(name), "the parser disagrees with the model"));
    return model;
  }

  private static void assertSingleRefused(QueryString parsed, String name) {
    try {
      parsed.single(name);
      fail("a parameter given twice was accepted as single");
    } catch (HttpProblem expected) {
      assertEquals(400, expected.status());
    }
  }
}
