package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.hardened;
import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bulwark.runtime.server.ServerKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Authentication, roles, permissions and object-level checks over HTTP (OWASP API1, API2, API5), on both servers. */
class AccessControlTest {
  private static final String ALICE = "Bearer " + Auth.login("alice", "user").accessToken();
  private static final String BOB = "Bearer " + Auth.login("bob", "user").accessToken();
  private static final String ADMIN = "Bearer " + Auth.login("root", "admin").accessToken();

  private static Http.Response get(ServerKind kind, String path, String authorization) {
    return authorization == null ? Http.get(kind, path) : Http.send(kind, "GET", path, null, null, "Authorization", authorization);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void noCredentialsIs401WithChallenge(ServerKind kind) {
    int before = Servers.DOCS.calls.size();
    Http.Response r = get(kind, "/api/secure/me", null);
    problem(r, 401);
    assertEquals("Bearer", r.header("WWW-Authenticate").orElse(null));
    assertEquals(before, Servers.DOCS.calls.size());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void validTokenReachesTheImplementationWithTheCaller(ServerKind kind) {
    Http.Response r = get(kind, "/api/secure/me", ALICE);
    assertEquals(200, r.status(), r.body());
    hardened(r);
    assertEquals("\"alice\"", r.body());
    assertEquals("no-store", r.header("Cache-Control").orElse(null));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void userOnAdminRouteIs403(ServerKind kind) {
    int before = Servers.DOCS.calls.size();
    problem(get(kind, "/api/secure/admin/stats", ALICE), 403);
    assertEquals(before, Servers.DOCS.calls.size(), "the implementation ran for a user without the role");
    assertEquals(200, get(kind, "/api/secure/admin/stats", ADMIN).status());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void adminWithoutTheUserRoleIsRefusedOnUserRoutes(ServerKind kind) {
    problem(get(kind, "/api/secure/me", ADMIN), 403);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void missingPermissionIs403(ServerKind kind) {
    problem(get(kind, "/api/secure/reports", ALICE), 403);
    String withScope = "Bearer " + Auth.ISSUER_SERVICE.issue("carol", java.util.Set.of("user"),
        java.util.Set.of("reports_read")).accessToken();
    assertEquals(200, get(kind, "/api/secure/reports", withScope).status());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void anotherUsersObjectIs404ForReadUpdateAndDelete(ServerKind kind) {
    int before = Servers.DOCS.calls.size();
    problem(get(kind, "/api/secure/docs/3", BOB), 404);
    problem(Http.send(kind, "PUT", "/api/secure/docs/3", "application/json", "{\"text\":\"pwned\"}", "Authorization", BOB), 404);
    problem(Http.send(kind, "DELETE", "/api/secure/docs/3", null, null, "Authorization", BOB), 404);
    assertEquals(before, Servers.DOCS.calls.size(), "the implementation ran for a non-owner");
    Http.Response missing = get(kind, "/api/secure/docs/999", BOB);
    Http.Response notMine = get(kind, "/api/secure/docs/3", BOB);
    assertEquals(missing.status(), notMine.status());
    assertEquals(Assertions2.withoutRequestId(missing.json()), Assertions2.withoutRequestId(notMine.json()));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void ownerAndAdminMayActOnTheObject(ServerKind kind) {
    assertEquals(200, get(kind, "/api/secure/docs/3", ALICE).status());
    assertEquals(200, get(kind, "/api/secure/docs/12", BOB).status());
    assertEquals(204, Http.send(kind, "DELETE", "/api/secure/docs/3", null, null, "Authorization", ADMIN).status());
    Http.Response updated = Http.send(kind, "PUT", "/api/secure/docs/4", "application/json", "{\"text\":\"new\"}",
        "Authorization", ALICE);
    assertEquals(200, updated.status(), updated.body());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void bodiesAreNotParsedBeforeAuthentication(ServerKind kind) {
    problem(Http.send(kind, "PUT", "/api/secure/docs/4", "text/plain", "not json"), 401);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void ownershipMayAnswer403WhenExistenceIsNoSecret(ServerKind kind) {
    problem(get(kind, "/api/secure/shared/3", BOB), 403);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void optionalCallerOnPublicEndpoint(ServerKind kind) {
    assertEquals("\"anonymous\"", get(kind, "/api/secure/open", null).body());
    assertEquals("\"alice\"", get(kind, "/api/secure/open", ALICE).body());
    Http.Response bad = get(kind, "/api/secure/open", "Bearer not.a.token");
    problem(bad, 401);
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void apiKeysOnlyWhereTheEndpointAllowsThem(ServerKind kind) {
    String key = Auth.apiKey("alice").key();
    Http.Response ok = Http.send(kind, "GET", "/api/secure/machine", null, null, "X-API-Key", key);
    assertEquals(200, ok.status(), ok.body());
    assertEquals("\"API_KEY:alice\"", ok.body());
    // a key's principal has its owner's roles: a key of someone without the role is refused
    problem(Http.send(kind, "GET", "/api/secure/machine", null, null, "X-API-Key", Auth.apiKey("mallory").key()), 403);
    problem(Http.send(kind, "GET", "/api/secure/me", null, null, "X-API-Key", key), 401);
    problem(Http.send(kind, "GET", "/api/secure/machine", null, null, "X-API-Key", key + "x"), 401);
    problem(Http.send(kind, "GET", "/api/secure/machine", null, null, "X-API-Key", "bwk_0000000000000000_" + "A".repeat(43)), 401);
    problem(Http.send(kind, "GET", "/api/secure/machine", null, null, "X-API-Key", key, "Authorization", ALICE), 401);
  }
}
