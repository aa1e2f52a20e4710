package dev.bulwark.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.http.HttpProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final Handler NOTHING = call -> {};

  private static Route route(String method, String path) {
    return Route.of(method, path, method + " " + path, NOTHING);
  }

  private final Router router = Router.of(List.of(
      route("GET", "/posts/{id}"),
      route("DELETE", "/posts/{id}"),
      route("GET", "/posts/search"),
      route("POST", "/posts"),
      route("GET", "/posts/{id}/comments/{cid}")));

  @Test
  void literalBeatsVariableWhateverTheOrder() {
    assertEquals("GET /posts/search", router.match("GET", "/posts/search").route().name());
    assertEquals("GET /posts/{id}", router.match("GET", "/posts/7").route().name());
  }

  @Test
  void aLessSpecificTemplateServesOtherMethods() {
    RouteMatch m = router.match("DELETE", "/posts/search");
    assertEquals("DELETE /posts/{id}", m.route().name());
    assertEquals("search", m.pathParam("id"));
  }

  @Test
  void variablesAreDecodedAfterSplitting() {
    RouteMatch m = router.match("GET", "/posts/a%2Fb/comments/%C3%A9");
    assertEquals("a/b", m.pathParam("id"));
    assertEquals("é", m.pathParam("cid"));
    assertNull(m.pathParam("nope"));
  }

  @Test
  void malformedEncodingIs400() {
    HttpProblem p = assertThrows(HttpProblem.class, () -> router.match("GET", "/posts/%zz"));
    assertEquals(400, p.status());
    assertEquals("path.id", p.errors().get(0).field());
    assertThrows(HttpProblem.class, () -> router.match("GET", "/posts/%C3%28"));
  }

  @Test
  void notFoundAndNotAllowed() {
    assertNull(router.match("GET", "/nope").route());
    assertNull(router.match("GET", "/nope").allow());
    assertNull(router.match("GET", "/posts/").route());
    assertNull(router.match("GET", "").route());
    assertNull(router.match("GET", "posts").route());
    RouteMatch m = router.match("PUT", "/posts/7");
    assertNull(m.route());
    assertEquals("DELETE, GET, HEAD", m.allow());
    assertEquals("POST", router.match("GET", "/posts").allow());
  }

  @Test
  void headIsServedByGet() {
    assertEquals("GET /posts/{id}", router.match("HEAD", "/posts/1").route().name());
  }

  @Test
  void duplicateRoutesStopTheServer() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Router.of(List.of(route("GET", "/a/{x}"), route("GET", "/a/{y}"))));
    assertTrue(e.getMessage().contains("Two endpoints claim GET /a/{y}"), e.getMessage());
  }

  @Test
  void badTemplatesAreRefused() {
    for (String bad : new String[] {"", "a", "/a//b", "/a/{}", "/a/{x}/{x}", "/a/b{x}", "/a/"}) {
      assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse(bad), bad);
    }
    assertEquals(List.of("a", "b"), PathTemplate.parse("/x/{a}/y/{b}").variableNames());
    assertTrue(router.match("GET", "/").route() == null);
  }
}
