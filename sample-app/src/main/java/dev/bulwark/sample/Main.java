package dev.bulwark.sample;

import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the sample on 127.0.0.1:8080 by default. Options: {@code --port N} and {@code --server jdk|javalin}. A bad
 * option stops it with a message that says what to change.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger("bulwark.sample");

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bulwark-sample: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    BulwarkServer server = start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }, "bulwark-sample-shutdown"));
    stopped.await();
  }

  /** Starts the app; the tests call this with port 0. */
  public static BulwarkServer start(Options options) {
    ServerSettings settings = ServerSettings.defaults().host(options.host()).port(options.port());
    BulwarkServer server = BulwarkServer.start(options.server(), settings, new PostsApi_Routes(new Posts(Clock.systemUTC())));
    LOG.info("Bulwark sample: server={}, storage=in-memory, listening on {}", options.server().name().toLowerCase(),
        server.baseUrl());
    return server;
  }

  /** The command-line options. */
  public record Options(String host, int port, ServerKind server) {
    static final String USAGE = "usage: bulwark-sample [--port N] [--server jdk|javalin]";

    /** Parses the arguments; unknown or malformed ones are refused with a message. */
    public static Options parse(String... args) {
      int port = 8080;
      ServerKind server = ServerKind.JDK;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if ((arg.equals("--port") || arg.equals("--server")) && i + 1 >= args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        switch (arg) {
          case "--port" -> {
            String value = args[++i];
            try {
              port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--port must be a number from 0 to 65535 (was '" + value + "')");
            }
            if (port < 0 || port > 65535) {
              throw new IllegalArgumentException("--port must be a number from 0 to 65535 (was " + port + ")");
            }
          }
          case "--server" -> server = ServerKind.parse(args[++i]);
          default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
        }
      }
      return new Options("127.0.0.1", port, server);
    }
  }
}
