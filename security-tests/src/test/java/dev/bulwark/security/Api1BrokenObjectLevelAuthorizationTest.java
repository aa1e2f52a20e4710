package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.security.SampleUnderTest.User;

/**
 * OWASP API1:2023 Broken Object Level Authorization. User B tries each of user A's objects by every method the API
 * has for them; each attempt gets the very answer a missing object gets (404, the same body but the request id), and
 * A's objects are unchanged afterwards. An admin reaches them (the check is an ownership check, not a blanket deny).
 */
class Api1BrokenObjectLevelAuthorizationTest extends SuiteBase {
  private static final String POST = "{\"title\":\"A's private draft\",\"body\":\"only for A\"}";

  private static long createPost(SampleUnderTest app, User owner) {
    Http.Reply created = app.http.post("/api/posts", POST, owner.bearer());
    assertEquals(201, created.status(), created.toString());
    return created.json().path("id").asLong();
  }

  @EveryConfig
  void userBGetsNotFoundOnEveryMethodOfUserAsPost(Config config) {
    SampleUnderTest app = app(config);
    User a = app.newUser("alice");
    User b = app.newUser("bob");
    long id = createPost(app, a);
    long missing = id + 100_000;
    String change = "{\"title\":\"B was here\",\"body\":\"overwritten\"}";
    String[][] attempts = {{"GET", null}, {"PUT", change}, {"DELETE", null}};
    for (String[] attempt : attempts) {
      Http.Reply theirs = app.http.send(attempt[0], "/api/posts/" + id, attempt[1], b.bearer());
      Http.Reply none = app.http.send(attempt[0], "/api/posts/" + missing, attempt[1], b.bearer());
      assertEquals(404, theirs.status(), theirs.toString());
      assertEquals(404, none.status(), none.toString());
      assertEquals(none.problemWithoutId(), theirs.problemWithoutId(), attempt[0] + " tells A's post from a missing one");
      assertEquals(none.header("Content-Type"), theirs.header("Content-Type"));
    }
    Http.Reply still = app.http.get("/api/posts/" + id, a.bearer());
    assertEquals(200, still.status(), "B's DELETE removed A's post: " + still);
    assertEquals("A's private draft", still.json().path("title").asText(), "B's PUT changed A's post");
  }

  @EveryConfig
  void everyEndpointThatTakesAPostIdRefusesUserB(Config config) {
    // Generated from the inventory: a new endpoint under /api/posts/{id} is attacked without a new test.
    SampleUnderTest app = app(config);
    User a = app.newUser("olaf");
    User b = app.newUser("pete");
    long id = createPost(app, a);
    java.util.List<String> attacked = new java.util.ArrayList<>();
    for (Inventory.Endpoint e : Inventory.endpoints()) {
      if (!e.path().startsWith("/api/posts/{id}")) {
        continue;
      }
      assertTrue(e.owned() || e.entry() == null, e + " takes a post id without an ownership check");
      String body = e.validBody();
      Http.Reply theirs = app.http.send(e.method(), e.concrete(String.valueOf(id)), body, b.bearer());
      Http.Reply none = app.http.send(e.method(), e.concrete(String.valueOf(id + 100_000)), body, b.bearer());
      assertEquals(404, theirs.status(), e + " by B on A's post: " + theirs);
      assertEquals(none.problemWithoutId(), theirs.problemWithoutId(), e + " tells A's post from a missing one");
      attacked.add(e.toString());
    }
    assertTrue(attacked.size() >= 5, "attacked only " + attacked);
    Http.Reply still = app.http.get("/api/posts/" + id, a.bearer());
    assertEquals(200, still.status(), still.toString());
    assertEquals("A's private draft", still.json().path("title").asText(), "B changed A's post");
  }

  @EveryConfig
  void userBsListAndApiKeyNeverShowUserAsPosts(Config config) {
    SampleUnderTest app = app(config);
    User a = app.newUser("carol");
    User b = app.newUser("dave");
    long id = createPost(app, a);
    Http.Reply list = app.http.get("/api/posts", b.bearer());
    assertEquals(200, list.status(), list.toString());
    for (var post : list.json()) {
      assertFalse(post.path("id").asLong() == id, "B's list shows A's post " + list.body());
    }
    Http.Reply key = app.http.post("/api/users/me/api-keys", "{\"scopes\":[]}", b.bearer());
    assertEquals(201, key.status(), key.toString());
    Http.Reply byKey = app.http.get("/api/posts", "X-API-Key", key.json().path("key").asText());
    assertEquals(200, byKey.status(), byKey.toString());
    assertFalse(byKey.body().contains("\"id\":" + id + ","), "B's API key lists A's post " + byKey.body());
  }

  @EveryConfig
  void anAdminReachesUserAsPostSoTheRefusalIsAboutOwnership(Config config) {
    SampleUnderTest app = app(config);
    User a = app.newUser("erin");
    long id = createPost(app, a);
    User admin = app.admin();
    Http.Reply read = app.http.get("/api/posts/" + id, admin.bearer());
    assertEquals(200, read.status(), read.toString());
    assertEquals(a.id(), read.json().path("ownerId").asText());
  }

  @EveryConfig
  void aForgedTokenWithUserAsIdButBsRolesIsStillOnlyAsOwnPost(Config config) {
    SampleUnderTest app = app(config);
    // The owner check compares the verified subject: a token for A's id works, one for a made-up id does not.
    User a = app.newUser("frank");
    long id = createPost(app, a);
    assertEquals(200, app.http.get("/api/posts/" + id, "Authorization", "Bearer " + Tokens.forge(a.id(), "user")).status());
    assertEquals(404, app.http.get("/api/posts/" + id, "Authorization", "Bearer " + Tokens.forge("u999999", "user")).status());
  }

  @EveryConfig
  void userBCannotReadOrCommentOnUserAsPost(Config config) {
    // Found by this suite (the comments routes had no ownership check) and fixed in the sample; kept as a regression.
    SampleUnderTest app = app(config);
    User a = app.newUser("gina");
    User b = app.newUser("hugo");
    long id = createPost(app, a);
    Http.Reply mine = app.http.post("/api/posts/" + id + "/comments", "{\"content\":\"note to self\"}", a.bearer());
    assertEquals(201, mine.status(), mine.toString());
    Http.Reply read = app.http.get("/api/posts/" + id + "/comments", b.bearer());
    Http.Reply write = app.http.post("/api/posts/" + id + "/comments", "{\"content\":\"B was here\"}", b.bearer());
    assertEquals(404, read.status(), read.toString());
    assertEquals(404, write.status(), write.toString());
    assertTrue(app.http.get("/api/posts/" + id + "/comments", a.bearer()).json().size() == 1);
  }
}
