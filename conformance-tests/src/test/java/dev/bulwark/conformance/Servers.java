package dev.bulwark.conformance;

import dev.bulwark.conformance.fixture.DocOwnership;
import dev.bulwark.conformance.fixture.Docs;
import dev.bulwark.conformance.fixture.GenericApi_Routes;
import dev.bulwark.conformance.fixture.Limits;
import dev.bulwark.conformance.fixture.LimitsApi_Routes;
import dev.bulwark.conformance.fixture.SecureApi_Routes;
import dev.bulwark.conformance.fixture.Things;
import dev.bulwark.conformance.fixture.ThingsApi_Routes;
import dev.bulwark.conformance.fixture.ValidationApi_Routes;
import dev.bulwark.conformance.fixture.Validations;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Both servers, started once for the suite on 127.0.0.1 and free ports, serving the same fixture APIs. */
final class Servers {
  static final Things THINGS = new Things();
  static final Docs DOCS = new Docs();
  static final Map<ServerKind, Limits> LIMITS = new EnumMap<>(ServerKind.class);
  private static final Map<ServerKind, BulwarkServer> RUNNING = new EnumMap<>(ServerKind.class);

  private Servers() {}

  static synchronized BulwarkServer get(ServerKind kind) {
    return RUNNING.computeIfAbsent(kind, k -> {
      BulwarkServer server = BulwarkServer.start(k, settings(), new ThingsApi_Routes(THINGS), new GenericApi_Routes(THINGS),
          new SecureApi_Routes(DOCS, Auth.SECURITY, new DocOwnership()), new ValidationApi_Routes(new Validations()),
          new LimitsApi_Routes(LIMITS.computeIfAbsent(k, x -> new Limits()), Auth.SECURITY));
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      return server;
    });
  }

  static ServerSettings settings() {
    // The suite sends thousands of requests from 127.0.0.1 to this one server: the per-client ceiling would answer
    // them with 429s. ServerLimitsTest attacks the ceiling on servers of its own.
    return ServerSettings.defaults().port(0).requestTimeout(Duration.ofSeconds(2)).shutdownGrace(Duration.ZERO)
        .noClientCeiling();
  }
}
