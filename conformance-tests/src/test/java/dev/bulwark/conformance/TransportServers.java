package dev.bulwark.conformance;

import dev.bulwark.conformance.fixture.Things;
import dev.bulwark.conformance.fixture.ThingsApi_Routes;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Servers with transport settings of their own (CORS, TLS, per-route headers), started once per name and kind for
 * the suite, each with its own {@link Things} so a test can prove that no handler ran.
 */
final class TransportServers {
  private static final Map<String, Started> RUNNING = new HashMap<>();

  private TransportServers() {}

  /** A running server and the fixture implementation behind it. */
  record Started(BulwarkServer server, Things things) {}

  static synchronized Started get(String name, ServerKind kind, UnaryOperator<ServerSettings> configure) {
    return RUNNING.computeIfAbsent(name + "/" + kind, k -> {
      Things things = new Things();
      BulwarkServer server = BulwarkServer.start(kind, configure.apply(Servers.settings()), new ThingsApi_Routes(things));
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      return new Started(server, things);
    });
  }
}
