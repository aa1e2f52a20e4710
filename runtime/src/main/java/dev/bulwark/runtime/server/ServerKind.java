package dev.bulwark.runtime.server;

/** The servers Bulwark runs on. */
public enum ServerKind {
  /** The JDK's built-in {@code com.sun.net.httpserver.HttpServer}. */
  JDK,
  /** Javalin 7 on Jetty 12. */
  JAVALIN;

  /** Parses {@code jdk} or {@code javalin}, ignoring case; anything else names the choices. */
  public static ServerKind parse(String name) {
    for (ServerKind kind : values()) {
      if (kind.name().equalsIgnoreCase(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown server '" + name + "'; use jdk or javalin");
  }
}
