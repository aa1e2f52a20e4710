package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.testsupport.Services;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample's limits as a client meets them: tiers by the {@code plan} claim, the client address behind
 * {@code BULWARK_TRUSTED_PROXIES}, limits and tokens shared by two instances through {@code BULWARK_REDIS_URL}, and
 * start-up refusing bad limit settings with a message.
 */
class SampleLimitsTest {
  private static final String PASSWORD = "copper kettle hums at dawn";
  private static final String SECRET = Base64.getEncoder().encodeToString(
      "a fixed test secret, 32 bytes or more".getBytes(StandardCharsets.US_ASCII));

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put(SampleApp.SECRET_ENV, SECRET);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private static String login(Client c, String email) {
    Client.Reply r = c.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(200, r.status(), r.body());
    return Client.bearer(r.json().path("accessToken").asText());
  }

  private static String registerAndLogin(Client c, String email) {
    Client.Reply r = c.post("/api/auth/register",
        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Sam\"}");
    assertEquals(201, r.status(), r.body());
    return login(c, email);
  }

  private static int createPosts(Client c, String auth, int attempts) {
    for (int i = 0; i < attempts; i++) {
      Client.Reply r = c.post("/api/posts", "{\"title\":\"Post " + i + "\",\"body\":\"text\"}", "Authorization", auth);
      if (r.status() == 429) {
        assertTrue(r.header("Retry-After") != null);
        return i;
      }
      assertEquals(201, r.status(), r.body());
    }
    return attempts;
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theProPlanGetsItsOwnPostingLimits(ServerKind kind) {
    Map<String, String> env = env(SampleApp.ADMIN_PASSWORD_ENV, PASSWORD);
    try (SampleApp app = new SampleApp(env, Clock.systemUTC(), m -> {});
        BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind, "admin@example.com"), app, env)) {
      Client c = new Client(server.baseUrl());
      String free = registerAndLogin(c, "free@example.com");
      Client.Reply first = c.post("/api/posts", "{\"title\":\"t\",\"body\":\"b\"}", "Authorization", free);
      assertEquals("\"PostsApi.create.1\";q=10;w=60, \"PostsApi.create.2\";q=100;w=3600",
          first.header("RateLimit-Policy"));
      assertTrue(first.header("RateLimit").matches("\"PostsApi.create.1\";r=9;t=\\d+, \"PostsApi.create.2\";r=99;t=\\d+"),
          first.header("RateLimit"));
      assertEquals(9, createPosts(c, free, 12), "a free account posts 10 a minute");
      String pro = login(c, "admin@example.com");
      Client.Reply proFirst = c.post("/api/posts", "{\"title\":\"t\",\"body\":\"b\"}", "Authorization", pro);
      assertEquals(201, proFirst.status());
      assertEquals("\"PostsApi.create.3\";q=60;w=60, \"PostsApi.create.4\";q=1000;w=3600",
          proFirst.header("RateLimit-Policy"));
      assertEquals(20, createPosts(c, pro, 20), "the pro plan is past the free limit");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void behindTrustedProxiesEachForwardedClientHasItsOwnSearchLimit(ServerKind kind) {
    Map<String, String> env = env(SampleApp.PROXIES_ENV, "127.0.0.1/32, ::1/128");
    try (SampleApp app = new SampleApp(env, Clock.systemUTC(), m -> {});
        BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), app, env)) {
      Client c = new Client(server.baseUrl());
      for (int i = 0; i < 30; i++) {
        assertEquals(200, c.get("/api/posts/search?q=x", "X-Forwarded-For", "203.0.113.5").status());
      }
      assertEquals(429, c.get("/api/posts/search?q=x", "X-Forwarded-For", "203.0.113.5").status());
      assertEquals(429, c.get("/api/posts/search?q=x", "X-Forwarded-For", "198.51.100.9, 203.0.113.5").status(),
          "an entry the client wrote itself buys nothing");
      assertEquals(200, c.get("/api/posts/search?q=x", "X-Forwarded-For", "203.0.113.6").status());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void withoutTrustedProxiesForwardedForIsIgnored(ServerKind kind) {
    Map<String, String> env = env();
    try (SampleApp app = new SampleApp(env, Clock.systemUTC(), m -> {});
        BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), app, env)) {
      Client c = new Client(server.baseUrl());
      for (int i = 0; i < 30; i++) {
        assertEquals(200, c.get("/api/posts/search?q=x", "X-Forwarded-For", "203.0.113." + i).status());
      }
      Client.Reply refused = c.get("/api/posts/search?q=x", "X-Forwarded-For", "203.0.113.99");
      assertEquals(429, refused.status());
      assertEquals("application/problem+json", refused.header("Content-Type"));
    }
  }

  @Test
  void twoInstancesSharingRedisShareLimitsAndRevocations() throws InterruptedException {
    Services.requireRedis();
    Map<String, String> env = env(SampleApp.REDIS_ENV, "redis://127.0.0.1:6379",
        SampleApp.REDIS_NAMESPACE_ENV, "bulwark-test-" + Long.toHexString(System.nanoTime()));
    // One database for both instances, as behind a load balancer: the in-memory H2 of the first, by its URL.
    try (SampleApp a = new SampleApp(env, Clock.systemUTC(), m -> {});
        BulwarkServer jdk = Main.start(new Main.Options("127.0.0.1", 0, ServerKind.JDK), a, env);
        SampleApp b = new SampleApp(env, Clock.systemUTC(), m -> {});
        BulwarkServer javalin = Main.start(new Main.Options("127.0.0.1", 0, ServerKind.JAVALIN), b, env)) {
      assertTrue(a.redis);
      // Counting starts once both instances hold their connection: a limit that fails closed answers 503 until then.
      awaitConnected(a);
      awaitConnected(b);
      Client one = new Client(jdk.baseUrl());
      Client two = new Client(javalin.baseUrl());
      int allowed = 0;
      for (int i = 0; i < 40; i++) {
        Client target = i % 2 == 0 ? one : two;
        int status = target.get("/api/posts/search?q=x").status();
        if (status == 200) {
          allowed++;
        } else {
          assertEquals(429, status);
        }
      }
      assertEquals(30, allowed, "30 a minute per client, counted once across both instances");

      String auth = registerAndLogin(one, "shared@example.com");
      Client.Reply tokens = one.post("/api/auth/login",
          "{\"email\":\"shared@example.com\",\"password\":\"" + PASSWORD + "\"}");
      JsonNode pair = tokens.json();
      Client.Reply refreshed = two.post("/api/auth/refresh",
          "{\"refreshToken\":\"" + pair.path("refreshToken").asText() + "\"}");
      // The accounts live in each instance's own in-memory database, but the refresh family is in Redis.
      assertEquals(200, refreshed.status(), "a refresh token minted by one instance is spent on the other");
      String access = Client.bearer(pair.path("accessToken").asText());
      assertEquals(204, one.post("/api/auth/logout", "{\"refreshToken\":\"" + refreshed.json().path("refreshToken")
          .asText() + "\"}", "Authorization", access).status());
      assertEquals(401, two.get("/api/posts", "Authorization", access).status(),
          "a token revoked on one instance is refused by the other");
      assertEquals(200, one.get("/api/posts", "Authorization", auth).status());
    }
  }

  @Test
  void badLimitSettingsStopTheStartWithAMessage() {
    IllegalArgumentException everyone = assertThrows(IllegalArgumentException.class,
        () -> new SampleApp(env(SampleApp.PROXIES_ENV, "10.0.0.0/8, 0.0.0.0/0"), Clock.systemUTC(), m -> {}));
    assertTrue(everyone.getMessage().contains("trusts every address"), everyone.getMessage());
    IllegalArgumentException cidr = assertThrows(IllegalArgumentException.class,
        () -> new SampleApp(env(SampleApp.PROXIES_ENV, "10.0.0.0/33"), Clock.systemUTC(), m -> {}));
    assertTrue(cidr.getMessage().startsWith(SampleApp.PROXIES_ENV), cidr.getMessage());
    IllegalArgumentException redis = assertThrows(IllegalArgumentException.class,
        () -> new SampleApp(env(SampleApp.REDIS_ENV, "not a uri at all"), Clock.systemUTC(), m -> {}));
    assertTrue(redis.getMessage().contains("redis://"), redis.getMessage());
    IllegalArgumentException ceiling = assertThrows(IllegalArgumentException.class,
        () -> Main.clientCeiling(dev.bulwark.runtime.server.ServerSettings.defaults(), "lots"));
    assertTrue(ceiling.getMessage().contains("1000/1m"), ceiling.getMessage());
    assertEquals("off", Main.clientCeiling(dev.bulwark.runtime.server.ServerSettings.defaults(), "off"));
    assertEquals("50/10s", Main.clientCeiling(dev.bulwark.runtime.server.ServerSettings.defaults(), "50/10s"));
  }

  /** Until the store answers: a first connection that timed out is retried when a check notices, as here. */
  private static void awaitConnected(SampleApp app) throws InterruptedException {
    dev.bulwark.ratelimit.LimitSpec probe = dev.bulwark.ratelimit.LimitSpec.of("test.probe", 1_000_000, "1s");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (app.limits.store().tryConsume(probe, "probe").storeUnavailable() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(!app.limits.store().tryConsume(probe, "probe").storeUnavailable(), "Redis answered within 20 s");
  }
}
