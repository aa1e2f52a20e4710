package dev.bulwark.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.routing.Route;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
  @Test
  void defaultsAreSafe() {
    ServerSettings s = ServerSettings.defaults();
    assertEquals("127.0.0.1", s.host());
    assertEquals(1 << 20, s.maxBodyBytes());
    assertEquals(8192, s.maxHeaderBytes());
  }

  @Test
  void badValuesSayWhatToFix() {
    ServerSettings s = ServerSettings.defaults();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> s.port(70000)).getMessage().contains("between 0 and 65535"));
    assertThrows(IllegalArgumentException.class, () -> s.maxBodyBytes(0));
    assertThrows(IllegalArgumentException.class, () -> s.maxHeaderBytes(10));
    assertThrows(IllegalArgumentException.class, () -> s.requestTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> s.host(" "));
    assertThrows(IllegalArgumentException.class, () -> s.threads(0));
    assertEquals(ServerKind.JAVALIN, ServerKind.parse("Javalin"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerKind.parse("tomcat")).getMessage().contains("jdk or javalin"));
  }

  @Test
  void twoApisOnOneRouteStopTheServerAtStart() {
    Route a = Route.of("GET", "/x", "A.x", call -> {});
    Route b = Route.of("GET", "/x", "B.x", call -> {});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BulwarkServer.start(ServerKind.JDK, ServerSettings.defaults().port(0), () -> List.of(a), () -> List.of(b)));
    assertTrue(e.getMessage().contains("A.x and B.x"), e.getMessage());
  }
}
