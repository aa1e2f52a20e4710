package dev.bulwark.security;

import dev.bulwark.runtime.server.ServerKind;
import java.util.stream.Stream;

/** One way to run the sample: a server, and a store (H2 with in-memory limits, or PostgreSQL). */
record Config(ServerKind server, Store store) {
  /** Where the sample keeps its data and counts its limits. */
  enum Store {
    /** The in-memory H2 database and in-memory limits: what a fresh clone runs. */
    H2,
    /** PostgreSQL from {@code BULWARK_DB_URL}; Redis-backed limits once the sample reads {@code BULWARK_REDIS_URL}. */
    POSTGRESQL
  }

  /** Every configuration the suite attacks: both servers on both stores. */
  static Stream<Config> all() {
    return Stream.of(ServerKind.values()).flatMap(kind -> Stream.of(Store.values()).map(store -> new Config(kind, store)));
  }

  /** Both servers on H2 only: for attacks on the transport, where the store plays no part. */
  static Stream<Config> h2() {
    return Stream.of(ServerKind.values()).map(kind -> new Config(kind, Store.H2));
  }

  @Override
  public String toString() {
    return server.name().toLowerCase(java.util.Locale.ROOT) + "+" + store.name().toLowerCase(java.util.Locale.ROOT);
  }
}
