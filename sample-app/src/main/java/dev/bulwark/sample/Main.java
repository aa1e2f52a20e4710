package dev.bulwark.sample;

import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import dev.bulwark.runtime.transport.TlsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
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
    BulwarkServer server;
    try {
      server = start(options, System.getenv());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("bulwark-sample: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }, "bulwark-sample-shutdown"));
    stopped.await();
  }

  /** Starts the app with the given environment; the tests call this with port 0. */
  public static BulwarkServer start(Options options, Map<String, String> env) {
    return start(options, new SampleApp(env, Clock.systemUTC(), LOG::warn), env);
  }

  static BulwarkServer start(Options options, SampleApp app, Map<String, String> env) {
    if (options.adminEmail() != null) {
      app.createAdmin(options.adminEmail(), env.get(SampleApp.ADMIN_PASSWORD_ENV));
      LOG.info("Created the admin account {}", options.adminEmail());
    }
    ServerSettings settings = ServerSettings.defaults().host(options.host()).port(options.port()).limits(app.limits);
    String ceiling = clientCeiling(settings, env.get(CEILING_ENV));
    if (options.tlsKeystore() != null) {
      String password = env.get(options.tlsPasswordEnv());
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("--tls-password-env " + options.tlsPasswordEnv() + " names an environment "
            + "variable that is not set; set it to the password of " + options.tlsKeystore());
      }
      settings.tls(TlsSettings.pkcs12(Path.of(options.tlsKeystore()), password.toCharArray()));
    }
    BulwarkServer server = BulwarkServer.start(options.server(), settings, OpenApiDocument.withRoutes(app.routes, env));
    LOG.info("Bulwark sample: server={}, storage={}, keysets={}, limits={}, client-ceiling={}, tokens={}, jwt-secret={},"
        + " listening on {}", options.server().name().toLowerCase(), app.storage.description(),
        app.ephemeralKeysets ? "ephemeral" : "configured", app.limitsDescription, ceiling,
        app.redis ? "redis" : "database",
        app.ephemeralSecret ? "ephemeral" : SampleApp.SECRET_ENV, server.baseUrl());
    return server;
  }

  static final String CEILING_ENV = "BULWARK_CLIENT_CEILING";

  /** Applies {@value #CEILING_ENV} ({@code 1000/1m} by default, or {@code off}); returns what is in force. */
  static String clientCeiling(ServerSettings settings, String value) {
    if (value == null || value.isBlank()) {
      return "1000/1m";
    }
    String v = value.strip();
    if (v.equals("off")) {
      settings.noClientCeiling();
      return "off";
    }
    int slash = v.indexOf('/');
    String problem = slash < 1 ? "is not CAPACITY/PERIOD" : null;
    long capacity = 0;
    if (problem == null) {
      try {
        capacity = Long.parseLong(v.substring(0, slash));
      } catch (NumberFormatException e) {
        problem = "has no whole-number capacity before the '/'";
      }
    }
    if (problem == null) {
      String periodProblem = dev.bulwark.ratelimit.PeriodParser.problem(v.substring(slash + 1)).orElse(null);
      problem = periodProblem != null ? periodProblem : capacity < 1 ? "has a capacity under 1" : null;
    }
    if (problem != null) {
      throw new IllegalArgumentException(CEILING_ENV + " " + problem + "; write it like 1000/1m (requests per period "
          + "per client address) or off");
    }
    settings.clientCeiling(capacity, v.substring(slash + 1));
    return v;
  }

  /** The command-line options. */
  public record Options(String host, int port, ServerKind server, String adminEmail, String tlsKeystore,
      String tlsPasswordEnv) {
    static final String USAGE = "usage: bulwark-sample [--port N] [--server jdk|javalin] [--admin-email EMAIL]"
        + " [--tls-keystore PATH --tls-password-env VAR]"
        + " (the admin's password from " + SampleApp.ADMIN_PASSWORD_ENV + "; the keystore's password from $VAR)";

    /** Options without TLS. */
    public Options(String host, int port, ServerKind server, String adminEmail) {
      this(host, port, server, adminEmail, null, null);
    }

    /** Options for a test: loopback, the port and server given, no admin. */
    public Options(String host, int port, ServerKind server) {
      this(host, port, server, null);
    }

    /** Parses the arguments; unknown or malformed ones are refused with a message. */
    public static Options parse(String... args) {
      int port = 8080;
      ServerKind server = ServerKind.JDK;
      String adminEmail = null;
      String tlsKeystore = null;
      String tlsPasswordEnv = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if ((arg.equals("--port") || arg.equals("--server") || arg.equals("--admin-email") || arg.equals("--tls-keystore")
            || arg.equals("--tls-password-env")) && i + 1 >= args.length) {
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
          case "--admin-email" -> adminEmail = args[++i];
          case "--tls-keystore" -> tlsKeystore = args[++i];
          case "--tls-password-env" -> {
            tlsPasswordEnv = args[++i];
            if (!tlsPasswordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
              throw new IllegalArgumentException("--tls-password-env takes the NAME of an environment variable, such as "
                  + "BULWARK_TLS_PASSWORD, never the password itself");
            }
          }
          default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
        }
      }
      if ((tlsKeystore == null) != (tlsPasswordEnv == null)) {
        throw new IllegalArgumentException("--tls-keystore and --tls-password-env go together: give the PKCS#12 file "
            + "and the name of the environment variable that holds its password");
      }
      return new Options("127.0.0.1", port, server, adminEmail, tlsKeystore, tlsPasswordEnv);
    }
  }
}
