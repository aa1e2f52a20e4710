package dev.bulwark.conformance;

import static dev.bulwark.conformance.Assertions2.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bulwark.auth.token.store.TokenStoreUnavailableException;
import dev.bulwark.runtime.routing.Route;
import dev.bulwark.runtime.routing.RouteSet;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A token store that does not answer (Redis or the database down while a refresh is spent or a denylist read) is a
 * temporary outage, not a bug: 503 with Retry-After, and nothing of the store or its driver in the body.
 */
class StoreOutageTest {

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void anUnavailableTokenStoreIs503WithRetryAfter(ServerKind kind) {
    RouteSet routes = () -> List.of(Route.of("GET", "/refresh", "Test.refresh", call -> {
      throw new TokenStoreUnavailableException("Redis", "spend", new IOException("Connection refused: 10.0.0.5:6379"));
    }));
    try (BulwarkServer server = BulwarkServer.start(kind,
        ServerSettings.defaults().port(0).shutdownGrace(Duration.ZERO), routes)) {
      Http.Response r = Http.sendTo(server.baseUrl(), "GET", "/refresh", null, null);
      problem(r, 503);
      assertEquals("5", r.header("Retry-After").orElse(null));
      assertFalse(r.body().contains("Redis") || r.body().contains("6379") || r.body().contains("spend"), r.body());
    }
  }
}
