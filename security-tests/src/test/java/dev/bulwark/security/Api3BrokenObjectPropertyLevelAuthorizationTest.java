package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.security.SampleUnderTest.User;
import java.util.List;

/**
 * OWASP API3:2023 Broken Object Property Level Authorization: a client that sends a property the server owns ({@code
 * role}, {@code roles}, {@code id}, {@code ownerId}, ...) gets a 400 "is not a known property" error (which never echoes the name) and nothing changes;
 * and no response of the whole flow carries a secret field (the {@link Oracle} checks field names and values on every
 * response of the suite; this class drives every endpoint once so the sweep sees each response type).
 */
class Api3BrokenObjectPropertyLevelAuthorizationTest extends SuiteBase {
  static void assertUnknownProperty(Http.Reply r, String property) {
    assertEquals(400, r.status(), r.toString());
    JsonNode errors = r.json().path("errors");
    assertTrue(errors.isArray() && errors.size() >= 1, r.toString());
    boolean named = false;
    for (JsonNode e : errors) {
      // The runtime names the object that had the property, never the property itself (it is input).
      named |= (e.path("field").asText().startsWith("body") || e.path("field").asText().endsWith(property))
          && e.path("message").asText().contains("not a known property");
    }
    assertTrue(named, "the 400 is not an unknown-property error (" + property + "): " + r.body());
    assertFalse(r.body().contains("\"" + property + "\""), "the 400 echoes the property name: " + r.body());
  }

  @EveryConfig
  void signUpCannotChooseARoleOrAnId(Config config) {
    SampleUnderTest app = app(config);
    String base = "\"email\":\"%s\",\"password\":\"amber otter crosses the quiet river x\",\"name\":\"Mallory\"";
    for (String extra : List.of("\"role\":\"admin\"", "\"roles\":[\"admin\"]", "\"id\":\"u1\"", "\"admin\":true",
        "\"passwordHash\":\"x\"", "\"mfaEnabled\":true")) {
      String email = "mallory-" + System.nanoTime() + "@example.com";
      Http.Reply r = app.http.post("/api/auth/register", "{" + String.format(base, email) + "," + extra + "}");
      assertUnknownProperty(r, extra.substring(1, extra.indexOf('"', 1)));
      Http.Reply login = app.http.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"amber otter crosses the quiet river x\"}");
      assertEquals(401, login.status(), "the refused sign-up created the account: " + login);
    }
  }

  @EveryConfig
  void aPostsOwnerIdAndCreatedAtAreTheServers(Config config) {
    SampleUnderTest app = app(config);
    User a = app.newUser("uma");
    User b = app.newUser("vic");
    for (String extra : List.of("\"ownerId\":\"" + b.id() + "\"", "\"id\":1", "\"createdAt\":\"2000-01-01T00:00:00Z\"",
        "\"owner_id\":1")) {
      Http.Reply r = app.http.post("/api/posts", "{\"title\":\"t\",\"body\":\"b\"," + extra + "}", a.bearer());
      assertUnknownProperty(r, extra.substring(1, extra.indexOf('"', 1)));
    }
    Http.Reply created = app.http.post("/api/posts", "{\"title\":\"mine\",\"body\":\"b\"}", a.bearer());
    assertEquals(201, created.status(), created.toString());
    long id = created.json().path("id").asLong();
    Http.Reply moved = app.http.send("PUT", "/api/posts/" + id, "{\"title\":\"t\",\"body\":\"b\",\"ownerId\":\"" + b.id() + "\"}",
        a.bearer());
    assertUnknownProperty(moved, "ownerId");
    Http.Reply read = app.http.get("/api/posts/" + id, a.bearer());
    assertEquals(a.id(), read.json().path("ownerId").asText());
    assertEquals("mine", read.json().path("title").asText());
    Http.Reply comment = app.http.post("/api/posts/" + id + "/comments", "{\"content\":\"c\",\"authorId\":\"" + b.id() + "\"}",
        a.bearer());
    assertUnknownProperty(comment, "authorId");
    Http.Reply key = app.http.post("/api/users/me/api-keys", "{\"scopes\":[],\"roles\":[\"admin\"]}", a.bearer());
    assertUnknownProperty(key, "roles");
  }

  @EveryConfig
  void noResponseOfTheWholeFlowCarriesASecret(Config config) {
    SampleUnderTest app = app(config);
    long before = Oracle.checked();
    User user = app.newUser("wes");
    User admin = app.admin();
    String[] me = user.bearer();
    assertEquals(200, app.http.get("/api/users/me", me).status());
    assertEquals(201, app.http.post("/api/users/me/mfa", null, me).status());
    assertEquals(201, app.http.post("/api/users/me/api-keys", "{\"scopes\":[]}", me).status());
    long id = app.http.post("/api/posts", "{\"title\":\"sweep\",\"body\":\"<b>x</b>\"}", me).json().path("id").asLong();
    assertEquals(200, app.http.get("/api/posts", me).status());
    assertEquals(200, app.http.get("/api/posts/" + id, me).status());
    assertEquals(200, app.http.send("PUT", "/api/posts/" + id, "{\"title\":\"sweep 2\",\"body\":\"y\"}", me).status());
    assertEquals(201, app.http.post("/api/posts/" + id + "/comments", "{\"content\":\"hi\"}", me).status());
    assertEquals(200, app.http.get("/api/posts/" + id + "/comments", me).status());
    assertEquals(200, app.http.get("/api/posts/search?q=sweep").status());
    Http.Reply users = app.http.get("/api/admin/users", admin.bearer());
    assertEquals(200, users.status());
    for (JsonNode profile : users.json()) {
      assertFalse(profile.has("passwordHash") || profile.has("password"), profile.toString());
    }
    assertEquals(204, app.http.send("DELETE", "/api/posts/" + id, null, me).status());
    Http.Reply refreshed = app.http.post("/api/auth/refresh", "{\"refreshToken\":\"" + user.refreshToken() + "\"}");
    assertEquals(200, refreshed.status());
    assertEquals(204, app.http.post("/api/auth/logout", "{\"refreshToken\":\"" + refreshed.json().path("refreshToken").asText()
        + "\"}", "Authorization", "Bearer " + refreshed.json().path("accessToken").asText()).status());
    assertTrue(Oracle.checked() - before >= 15, "the sweep saw only " + (Oracle.checked() - before) + " responses");
  }
}
