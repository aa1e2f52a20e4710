package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import dev.bulwark.security.fixture.FetchApi;
import dev.bulwark.security.fixture.FetchApi_Routes;
import dev.bulwark.security.fixture.NaiveFetcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OWASP API7:2023 Server Side Request Forgery. The sample takes no URL that it fetches (checked below against its
 * sources, so a new one cannot slip in untested), so the attack runs against a fixture API compiled by the processor
 * with {@code @OutboundUrl} on a body field and a query parameter, whose implementation fetches anything. Every URL
 * aimed at loopback (in all its spellings), private, link-local and metadata addresses, or with a scheme other than
 * http(s), is a 400, and a loopback listener sees no connection; the same fetcher called directly does connect (the
 * positive control), so the guard is what stopped it.
 */
class Api7ServerSideRequestForgeryTest {
  private static ServerSocket listener;
  private static final AtomicInteger CONNECTIONS = new AtomicInteger();

  @BeforeAll
  static void listen() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(() -> {
      while (!listener.isClosed()) {
        try (Socket s = listener.accept()) {
          CONNECTIONS.incrementAndGet();
          s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          // closed
        }
      }
    }, "ssrf-listener");
    accept.setDaemon(true);
    accept.start();
  }

  @AfterAll
  static void close() throws IOException {
    listener.close();
  }

  static List<String> attacks() {
    int p = listener.getLocalPort();
    return List.of(
        "http://127.0.0.1:" + p + "/", "http://localhost:" + p + "/", "http://LOCALHOST:" + p + "/", "http://127.1:" + p + "/",
        "http://127.0.0.2:" + p + "/", "http://2130706433:" + p + "/", "http://0x7f000001:" + p + "/",
        "http://0177.0.0.1:" + p + "/", "http://0x7f.0.0.1:" + p + "/", "http://[::1]:" + p + "/",
        "http://[0:0:0:0:0:0:0:1]:" + p + "/", "http://[::ffff:127.0.0.1]:" + p + "/", "http://[::ffff:7f00:1]:" + p + "/",
        "http://0.0.0.0:" + p + "/", "http://0:" + p + "/", "http://[::]:" + p + "/", "http://localhost.:" + p + "/",
        "http://foo.localhost:" + p + "/", "http://user@127.0.0.1:" + p + "/", "http://evil.example@127.0.0.1:" + p + "/",
        "http://127.0.0.1:" + p + "#@evil.example/", "http://127.0.0.1%2f@evil.example:" + p + "/",
        "gopher://127.0.0.1:" + p + "/_GET", "ftp://127.0.0.1:" + p + "/", "file:///etc/passwd", "jar:http://127.0.0.1:" + p + "/!/",
        "dict://127.0.0.1:" + p + "/", "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/",
        "http://metadata.google.internal/computeMetadata/v1/", "http://169.254.170.2/v2/credentials",
        "http://100.100.100.200/latest/meta-data/", "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/",
        "http://100.64.0.1/", "http://[fc00::1]/", "http://[fe80::1]/", "http://224.0.0.1/", "http://255.255.255.255/",
        "http://router.local/", "http://intranet.internal/", "http://host.docker.internal/", "//127.0.0.1:" + p + "/",
        "127.0.0.1:" + p, "http:/127.0.0.1:" + p + "/", "HTTP://127.0.0.1:" + p + "/");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void urlsAtInternalTargetsAreRefusedAndNothingConnects(ServerKind kind) {
    int before = CONNECTIONS.get();
    try (BulwarkServer server = BulwarkServer.start(kind, ServerSettings.defaults().host("127.0.0.1").port(0),
        new FetchApi_Routes(new NaiveFetcher()))) {
      Http http = new Http(server.baseUrl());
      List<String> reached = new ArrayList<>();
      for (String url : attacks()) {
        Http.Reply body = http.post("/api/fetch", "{\"url\":\"" + url + "\"}");
        Http.Reply query = http.post("/api/fetch/query?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8), null);
        for (Http.Reply r : List.of(body, query)) {
          if (r.status() != 400) {
            reached.add(url + " -> " + r);
          } else {
            assertFalse(r.body().contains(String.valueOf(listener.getLocalPort())), "the 400 echoes the URL: " + r);
          }
        }
      }
      assertEquals(List.of(), reached, "URLs that got past @OutboundUrl");
      assertEquals(before, CONNECTIONS.get(), "the loopback listener saw a connection");
      // The guard lets a public URL through to the implementation (which cannot connect here: -1).
      Http.Reply allowed = http.post("/api/fetch", "{\"url\":\"http://93.184.215.14:81/\"}");
      assertEquals(200, allowed.status(), allowed.toString());
    }
  }

  @Test
  void withoutTheGuardTheSameFetcherConnects() {
    int before = CONNECTIONS.get();
    FetchApi.Fetched fetched = new NaiveFetcher().fetch(new FetchApi.Target("http://127.0.0.1:" + listener.getLocalPort() + "/"));
    assertEquals(200, fetched.status());
    assertEquals(before + 1, CONNECTIONS.get(), "the positive control did not reach the listener");
  }

  @Test
  void theSampleTakesNoUrlItWouldFetch() throws IOException {
    // If the sample ever takes a URL to fetch, it must carry @OutboundUrl and join this class's attack.
    Api10UnsafeConsumptionOfApisTest.assertSampleSourcesLackAll(List.of("OutboundUrl", "URI.create(", "new URI(", "new URL("),
        "takes a URL: attack it in Api7ServerSideRequestForgeryTest");
  }
}
