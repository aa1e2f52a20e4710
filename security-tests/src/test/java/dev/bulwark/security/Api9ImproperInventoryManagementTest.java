package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.security.Inventory.Endpoint;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.util.Set;
import java.util.TreeSet;

/**
 * OWASP API9:2023 Improper Inventory Management: the routes the server answers are exactly the inventory. Every
 * inventoried endpoint answers (never the router's 404 or 405), every other method on an inventoried path is a 405
 * whose {@code Allow} lists exactly the inventoried methods, and the paths that scanners probe for (admin consoles,
 * management endpoints, API docs, old API versions, source control, backups) are 404 problems.
 */
class Api9ImproperInventoryManagementTest extends SuiteBase {
  /** What scanners and attackers look for first; none of it is part of the sample. */
  static final List<String> PROBES = List.of(
      "/", "/index.html", "/admin", "/admin/", "/api", "/api/", "/api/v1/posts", "/api/v2/posts", "/v1/api/posts",
      "/api/internal", "/api/debug", "/api/test", "/api/users", "/api/users/1", "/api/admin", "/api/admin/config",
      "/api/auth", "/api/auth/reset", "/api/auth/token", "/api/posts/search/", "/api/posts/1/", "/api/posts.json",
      "/actuator", "/actuator/health", "/actuator/env", "/actuator/heapdump", "/metrics", "/health", "/status",
      "/info", "/env", "/trace", "/dump", "/jolokia", "/console", "/h2-console", "/h2-console/login.do",
      "/swagger-ui", "/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs", "/v2/api-docs", "/openapi.json",
      "/openapi.yaml", "/api-docs", "/graphql", "/graphiql", "/.git/config", "/.git/HEAD", "/.env", "/.svn/entries",
      "/.DS_Store", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/META-INF/bulwark/inventory.json",
      "/server-status", "/phpinfo.php", "/wp-admin", "/backup.zip", "/db.sql", "/config.json", "/robots.txt",
      "/favicon.ico", "/debug/pprof", "/jmx", "/logfile", "/log", "/logs");

  @EveryConfig
  void everyInventoriedEndpointAnswersAndNoOtherMethodDoes(Config config) {
    SampleUnderTest app = app(config);
    for (Endpoint e : Inventory.endpoints()) {
      Http.Reply r = app.http.send(e.method(), e.concrete("1"), null);
      assertNotEquals(405, r.status(), e + " is inventoried but not routed: " + r);
      if (e.isPublic()) {
        assertNotEquals(404, r.status(), e + " is inventoried and public but not found: " + r);
      } else {
        assertEquals(401, r.status(), e + " (secured) did not ask for credentials: " + r);
      }
    }
    for (String template : Inventory.methodsByPath().keySet()) {
      String concrete = template.replaceAll("\\{[^}]+}", "1");
      // Every template the concrete path matches: /api/posts/search also matches /api/posts/{id}.
      Set<String> declared = new TreeSet<>();
      Inventory.methodsByPath().forEach((other, methods) -> {
        if (concrete.matches(other.replaceAll("\\{[^}]+}", "[^/]+"))) {
          declared.addAll(methods);
        }
      });
      for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
        if (declared.contains(method)) {
          continue;
        }
        Http.Reply r = app.http.send(method, concrete, null);
        assertEquals(405, r.status(), method + " " + template + " is not inventoried: " + r);
        Set<String> allowed = new TreeSet<>(Arrays.asList(r.header("Allow").split("\\s*,\\s*")));
        allowed.remove("HEAD");
        allowed.remove("OPTIONS");
        assertEquals(declared, allowed, "Allow of " + concrete + " differs from the inventory");
      }
    }
  }

  @EveryConfig
  void nothingOutsideTheInventoryAnswers(Config config) {
    SampleUnderTest app = app(config);
    String token = app.newUser("lena").accessToken();
    for (String probe : PROBES) {
      for (String[] auth : new String[][] {{}, {"Authorization", "Bearer " + token}}) {
        Http.Reply r = app.http.send("GET", probe, null, auth);
        assertEquals(404, r.status(), probe + " answered: " + r);
        assertEquals("application/problem+json", r.header("Content-Type"), probe);
      }
    }
  }

  @Test
  void theInventoryIsTheOneTheBuildWrote() {
    // The two sources agree once the processor writes the inventory: what is documented is what is enforced.
    List<Endpoint> declared = Inventory.fromRouteClasses();
    assertTrue(declared.size() >= 14, declared.toString());
    Set<String> fromCode = new TreeSet<>();
    declared.forEach(e -> fromCode.add(e + " " + e.isPublic() + " " + e.roles()));
    Set<String> used = new TreeSet<>();
    Inventory.endpoints().forEach(e -> used.add(e + " " + e.isPublic() + " " + e.roles()));
    assertEquals(fromCode, used, "the inventory (" + Inventory.source() + ") and the generated routes disagree");
  }
}
