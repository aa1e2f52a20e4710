package dev.bulwark.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bulwark.runtime.http.HttpProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestFirewallTest {

  @ParameterizedTest
  @ValueSource(strings = {"/a/%2e%2e/b", "/a/%2E/b", "/a%2fb", "/a%2Fb", "/a%5cb", "/a%5Cb", "/a%3bb", "/a/%252e",
      "/a/%25", "/a;b", "/a;", "/a//b", "//a", "/a\\b", "/a/%00", "/a/%0d", "/a/%0A", "/a/%1f", "/a/%7F", "/a/%c2%85",
      "/a/%e2%80%a8", "/a/%E2%80%A9", "/a/./b", "/a/../b", "/a/.", "/a/..", "/.", "/..", "/a\u0000", "/a\r", "/a\n",
      "/a\t", "/a b", "/a\u2028", "/a\u2029", "/caf\u00e9", "a/b", ""})
  void refuses(String path) {
    assertNotNull(RequestFirewall.pathProblem(path), path);
    HttpProblem problem = assertThrows(HttpProblem.class, () -> RequestFirewall.check(path, null));
    assertEquals(400, problem.status());
    assertEquals("path", problem.errors().get(0).field());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/a", "/a/b", "/a/b.json", "/a/.well-known", "/a/..b", "/a/b..", "/a/%20b", "/a/%41",
      "/a/%c3%a9", "/a/b~c", "/a/b-c_d"})
  void accepts(String path) {
    assertNull(RequestFirewall.pathProblem(path), path);
    RequestFirewall.check(path, "q=%2e%2e%2f&x=1");
  }

  @Test
  void rawControlOrNonAsciiInTheQueryIsRefused() {
    for (String query : new String[] {"q=a b", "q=\u0000", "q=\u00e9", "q=a\u2028"}) {
      HttpProblem problem = assertThrows(HttpProblem.class, () -> RequestFirewall.check("/a", query));
      assertEquals("query", problem.errors().get(0).field());
    }
  }
}
