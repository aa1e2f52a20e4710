package dev.bulwark.benchmarks.load;

import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.benchmarks.BenchKeys;
import dev.bulwark.benchmarks.HandWrittenTokenCheck;
import dev.bulwark.ratelimit.LocalRateLimiter;
import dev.bulwark.ratelimit.RedisRateLimiter;
import dev.bulwark.ratelimit.clientip.ClientIpResolver;
import dev.bulwark.runtime.limits.RateLimits;
import dev.bulwark.runtime.security.Security;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts one variant of the load benchmark's endpoint on 127.0.0.1 and serves until killed:
 * {@code LoadServer <plain|hand|bulwark> <jdk|javalin> <port> <keysDir> [HS256|RS256|ES256] [local|redis]}.
 * The keys come from {@link TokenMint}'s directory, so the load script's tokens verify. Prints one
 * {@code READY} line once it listens.
 */
public final class LoadServer {
  private LoadServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: LoadServer <plain|hand|bulwark> <jdk|javalin> <port> <keysDir> [alg] [local|redis]");
      System.exit(2);
    }
    String impl = args[0];
    ServerKind kind = ServerKind.parse(args[1]);
    int port = Integer.parseInt(args[2]);
    Path keysDir = Path.of(args[3]);
    JwsAlgorithm alg = JwsAlgorithm.valueOf(args.length > 4 ? args[4] : "HS256");
    String store = args.length > 5 ? args[5] : "local";
    int threads = ServerSettings.defaults().threads();
    AutoCloseable server = switch (impl) {
      case "plain" -> kind == ServerKind.JDK
          ? RawServers.jdk("127.0.0.1", port, threads, RawServers.plain())
          : RawServers.javalin("127.0.0.1", port, RawServers.plain());
      case "hand" -> {
        HandWrittenEndpoint endpoint = new HandWrittenEndpoint(
            new HandWrittenTokenCheck(BenchKeys.read(keysDir, alg).javaJwtAlgorithm()));
        yield kind == ServerKind.JDK
            ? RawServers.jdk("127.0.0.1", port, threads, r -> endpoint.handle(r.authorization(), r.contentType(), r.body()))
            : RawServers.javalin("127.0.0.1", port, r -> endpoint.handle(r.authorization(), r.contentType(), r.body()));
      }
      case "bulwark" -> bulwark(kind, port, BenchKeys.read(keysDir, alg), store);
      default -> throw new IllegalArgumentException("unknown variant " + impl + "; use plain, hand or bulwark");
    };
    System.out.println("READY " + impl + " " + kind + " " + alg + " " + store + " on 127.0.0.1:" + port);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        // exiting anyway
      }
      stop.countDown();
    }));
    stop.await();
  }

  private static AutoCloseable bulwark(ServerKind kind, int port, BenchKeys keys, String store) {
    Security security = Security.builder().jwt(keys.verifier()).build();
    RateLimits limits = store.equals("redis")
        ? RateLimits.of(RedisRateLimiter.builder(System.getenv().getOrDefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379"))
            .build(), ClientIpResolver.builder().build())
        : RateLimits.of(LocalRateLimiter.builder().maximumKeys(100_000).build(), ClientIpResolver.builder().build());
    // The per-client ceiling before routing is off: every benchmark request comes from 127.0.0.1, and the other
    // variants have no per-IP check either, so all do the same work (the endpoint's per-caller bucket stays on).
    ServerSettings settings = ServerSettings.defaults().host("127.0.0.1").port(port).noClientCeiling();
    return BulwarkServer.start(kind, settings, new BenchApi_Routes(new BenchService(), security, limits));
  }
}
