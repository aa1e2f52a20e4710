package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.security.Inventory.Endpoint;
import dev.bulwark.security.SampleUnderTest.User;
import java.util.ArrayList;
import java.util.List;

/**
 * OWASP API5:2023 Broken Function Level Authorization, generated from the inventory: every non-public endpoint is
 * called anonymously (401 with {@code WWW-Authenticate}), with a genuine token that carries no role, with a token
 * for each declared role that is not one of the endpoint's roles (403), with an API key where the endpoint takes only
 * Bearer (401), and, as the positive control, by a real caller holding a required role (neither 401 nor 403). A new
 * endpoint is covered here without writing a test.
 */
class Api5BrokenFunctionLevelAuthorizationTest extends SuiteBase {
  @EveryConfig
  void everySecuredEndpointRefusesEveryCallerBelowItsRoles(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("ivy");
    User admin = app.admin();
    Http.Reply key = app.http.post("/api/users/me/api-keys", "{\"scopes\":[]}", user.bearer());
    assertEquals(201, key.status(), key.toString());
    String apiKey = key.json().path("key").asText();
    List<String> checked = new ArrayList<>();
    int secured = 0;
    for (Endpoint e : Inventory.endpoints()) {
      if (e.isPublic()) {
        continue;
      }
      secured++;
      String path = e.concrete("1");
      Http.Reply anonymous = app.http.send(e.method(), path, null);
      assertEquals(401, anonymous.status(), e + " anonymous: " + anonymous);
      assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"), e + ": " + anonymous.header("WWW-Authenticate"));
      Http.Reply noRole = app.http.send(e.method(), path, null, "Authorization", "Bearer " + Tokens.forge(user.id()));
      assertEquals(403, noRole.status(), e + " with no role: " + noRole);
      for (String role : Inventory.rolesBelow(e)) {
        Http.Reply below = app.http.send(e.method(), path, null, "Authorization", "Bearer " + Tokens.forge(user.id(), role));
        assertEquals(403, below.status(), e + " with only role " + role + ": " + below);
        checked.add(e + " as " + role);
      }
      if (!e.schemes().contains("API_KEY")) {
        Http.Reply byKey = app.http.send(e.method(), path, null, "X-API-Key", apiKey);
        assertEquals(401, byKey.status(), e + " takes no API key: " + byKey);
      }
      User allowed = e.roles().contains("user") ? user : admin;
      Http.Reply control = app.http.send(e.method(), path, e.method().equals("GET") || e.method().equals("DELETE") ? null : "{}",
          allowed.bearer());
      assertFalse(control.status() == 401 || control.status() == 403, e + " refused a caller with its role: " + control);
    }
    assertTrue(secured >= 10, "the inventory (" + Inventory.source() + ") lists only " + secured + " secured endpoints");
    assertTrue(checked.stream().anyMatch(c -> c.startsWith("GET /api/admin/users as user")), checked.toString());
  }

  @EveryConfig
  void aRealUserIsRefusedTheAdminEndpointAndTheAdminIsNot(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("jack");
    Http.Reply refused = app.http.get("/api/admin/users", user.bearer());
    assertEquals(403, refused.status(), refused.toString());
    assertEquals("application/problem+json", refused.header("Content-Type"));
    Http.Reply listed = app.http.get("/api/admin/users", app.admin().bearer());
    assertEquals(200, listed.status(), listed.toString());
    assertTrue(listed.json().size() >= 2, listed.body());
  }

  @EveryConfig
  void aTokenThatClaimsAnUnknownRoleOpensNothing(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("kim");
    for (String role : new String[] {"superuser", "ADMIN", "Admin", "admin ", "*", "root"}) {
      Http.Reply r = app.http.get("/api/admin/users", "Authorization", "Bearer " + Tokens.forge(user.id(), role));
      assertEquals(403, r.status(), role + ": " + r);
    }
  }
}
