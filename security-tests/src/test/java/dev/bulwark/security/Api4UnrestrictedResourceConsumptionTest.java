package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.security.SampleUnderTest.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * OWASP API4:2023 Unrestricted Resource Consumption: bodies, headers, header counts, query parameter counts, page
 * sizes, string lengths and JSON nesting past their limits are refused with the specific status (413, 431, 400) before
 * any work is done; and slow clients (a request head or body trickled a byte at a time) are cut off by the request
 * timeout instead of holding a connection for ever.
 */
class Api4UnrestrictedResourceConsumptionTest extends SuiteBase {
  static void assertFieldError(Http.Reply r, String field) {
    assertEquals(400, r.status(), r.toString());
    boolean named = false;
    for (JsonNode e : r.json().path("errors")) {
      named |= e.path("field").asText().equals(field);
    }
    assertTrue(named, "the 400 does not name " + field + ": " + r.body());
  }

  @EveryConfig
  void oversizedBodiesAndHeadersAreRefused(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("xena");
    String big = "{\"title\":\"t\",\"body\":\"" + "a".repeat((1 << 20) + 16) + "\"}";
    Http.Reply body = app.http.post("/api/posts", big, user.bearer());
    assertEquals(413, body.status(), body.toString());
    Raw.Response header = Raw.exchange(app.port(), "GET /api/posts/search?q=a HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: "
        + "p".repeat(9 * 1024) + "\r\nConnection: close\r\n\r\n", 5000);
    assertEquals(431, header.status(), header.text());
    StringBuilder many = new StringBuilder("GET /api/posts/search?q=a HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (int i = 0; i < 120; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    Raw.Response count = Raw.exchange(app.port(), many.append("\r\n").toString(), 5000);
    assertEquals(431, count.status(), count.text());
  }

  @EveryConfig
  void pageSizesQueryCountsAndInputLengthsHaveCeilings(Config config) {
    SampleUnderTest app = app(config);
    User user = app.newUser("yuri");
    assertEquals(200, app.http.get("/api/posts?limit=100", user.bearer()).status());
    for (String limit : List.of("101", "0", "-1", "100000000000", "1e3", "0x10")) {
      assertFieldError(app.http.get("/api/posts?limit=" + limit, user.bearer()), "query.limit");
    }
    StringBuilder query = new StringBuilder("/api/posts/search?q=a");
    for (int i = 0; i < 150; i++) {
      query.append("&p").append(i).append('=').append(i);
    }
    Http.Reply params = app.http.get(query.toString());
    assertEquals(400, params.status(), params.toString());
    assertFieldError(app.http.get("/api/posts/search?q=" + "q".repeat(101)), "query.q");
    assertFieldError(app.http.post("/api/posts", "{\"title\":\"" + "t".repeat(201) + "\",\"body\":\"b\"}", user.bearer()), "body.title");
    assertFieldError(app.http.post("/api/posts", "{\"title\":\"t\",\"body\":\"" + "b".repeat(20_001) + "\"}", user.bearer()), "body.body");
    long id = app.http.post("/api/posts", "{\"title\":\"t\",\"body\":\"b\"}", user.bearer()).json().path("id").asLong();
    assertFieldError(app.http.post("/api/posts/" + id + "/comments", "{\"content\":\"" + "c".repeat(1001) + "\"}", user.bearer()),
        "body.content");
    assertFieldError(app.http.post("/api/users/me/api-keys", "{\"scopes\":[" + "\"s\",".repeat(10) + "\"s11\"]}", user.bearer()),
        "body.scopes");
    Http.Reply deep = app.http.post("/api/posts", "{\"title\":" + "[".repeat(40) + "]".repeat(40) + "}", user.bearer());
    assertEquals(400, deep.status(), deep.toString());
    Http.Reply number = app.http.get("/api/posts?limit=" + "9".repeat(70), user.bearer());
    assertEquals(400, number.status(), number.toString());
    Http.Reply login = app.http.post("/api/auth/login", "{\"email\":\"a@example.com\",\"password\":\"" + "p".repeat(1025) + "\"}");
    assertFieldError(login, "body.password");
  }

  @Test
  void slowClientsAreCutOffOnBothServers() throws Exception {
    List<CompletableFuture<String>> attacks = new ArrayList<>();
    List<SampleUnderTest> apps = Config.h2().map(SuiteBase::app).toList();
    // A thread per connection: the common pool has one thread on a two-core machine, which would run them in turn.
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
    for (SampleUnderTest app : apps) {
      attacks.add(CompletableFuture.supplyAsync(() -> trickle(app, "GET /api/posts/search?q=a HTTP/1.1\r\nHost: 127.0.0.1\r\n",
          "X-Slow: " + "s".repeat(200)), threads));
      attacks.add(CompletableFuture.supplyAsync(() -> trickle(app, "POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n", "{\"email\":\"" + "e".repeat(480)), threads));
    }
    threads.shutdown();
    for (CompletableFuture<String> attack : attacks) {
      String outcome = attack.get(60, TimeUnit.SECONDS);
      System.out.println("security-tests: slow client " + outcome);
      assertTrue(outcome.startsWith("cut after"), outcome);
      int seconds = Integer.parseInt(outcome.replaceAll("^cut after (\\d+) s.*", "$1"));
      assertTrue(seconds >= 5, "cut too early to be the request timeout (a refusal of the request itself?): " + outcome);
    }
  }

  /** Sends {@code head}, then {@code drip} a byte a second; how the server ended it, or that it never did. */
  private static String trickle(SampleUnderTest app, String head, String drip) {
    long start = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      for (int i = 0; i < drip.length(); i++) {
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        if (seconds > 40) {
          return app.config + " kept a trickling connection open for " + seconds + " s";
        }
        try {
          out.write(drip.charAt(i));
          out.flush();
        } catch (IOException e) {
          return "cut after " + seconds + " s (" + app.config + ", write refused)";
        }
        try {
          int b = in.read();
          if (b == -1) {
            return "cut after " + seconds + " s (" + app.config + ", closed)";
          }
          byte[] rest = in.readNBytes(Math.max(0, in.available()));
          String answer = (char) b + new String(rest, StandardCharsets.ISO_8859_1);
          Raw.Response.parse(head.lines().findFirst().orElse(""), answer);
          return "cut after " + seconds + " s (" + app.config + ", " + answer.lines().findFirst().orElse("") + ")";
        } catch (java.net.SocketTimeoutException e) {
          // still open: keep dripping
        }
      }
      return app.config + " waited for the whole trickled request";
    } catch (IOException e) {
      return "cut after " + (System.nanoTime() - start) / 1_000_000_000L + " s (" + app.config + ", " + e.getClass().getSimpleName() + ")";
    }
  }
}
