package dev.bulwark.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.conformance.fixture.ThingsApi_Routes;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.transport.PlainHttp;
import dev.bulwark.runtime.transport.TlsSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTPS on both servers from a keystore made at test time: TLS 1.3 and 1.2 connect, TLS 1.1 and 1.0 do not (checked
 * in a child JVM where the JDK would allow them), only modern cipher suites, HSTS on every TLS response (errors
 * included), no client-initiated renegotiation, a bad keystore stops the server at start, and the plain-HTTP listener
 * only redirects or refuses.
 */
class TlsTest {
  private static final String HSTS = "max-age=31536000; includeSubDomains";

  private static TransportServers.Started tls(ServerKind kind) {
    return TransportServers.get("tls", kind, s -> s.tls(tlsSettings()).plainHttp(PlainHttp.redirect(0)));
  }

  private static TlsSettings tlsSettings() {
    return TlsSettings.pkcs12(TestKeystore.path(), TestKeystore.PASSWORD.toCharArray());
  }

  private static SSLSocket connect(int port, String protocol, String... suites) throws IOException {
    SSLSocket socket = (SSLSocket) TestKeystore.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
    socket.setSoTimeout(5000);
    socket.setEnabledProtocols(new String[] {protocol});
    if (suites.length > 0) {
      socket.setEnabledCipherSuites(suites);
    }
    socket.startHandshake();
    return socket;
  }

  private static RawResponse get(SSLSocket socket, String path) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return RawResponse.parse(RawHttp.readAll(socket.getInputStream()));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void tls13And12ConnectAndSeeHsts(ServerKind kind) throws IOException {
    int port = tls(kind).server().port();
    assertTrue(tls(kind).server().baseUrl().startsWith("https://"));
    for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
      try (SSLSocket socket = connect(port, protocol)) {
        assertEquals(protocol, socket.getSession().getProtocol());
        assertTrue(TlsSettings.CIPHER_SUITES.contains(socket.getSession().getCipherSuite()), socket.getSession().getCipherSuite());
        RawResponse r = get(socket, "/api/things/7");
        assertEquals(200, r.status(), r.text());
        assertEquals(HSTS, r.header("Strict-Transport-Security").orElse(null), r.text());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void errorsOverTlsCarryHstsToo(ServerKind kind) throws IOException {
    int port = tls(kind).server().port();
    for (String path : new String[] {"/api/nothing", "/api/%2e%2e/things/7", "/api/things/7%zz"}) {
      try (SSLSocket socket = connect(port, "TLSv1.3")) {
        RawResponse r = get(socket, path);
        assertTrue(r.status() == 404 || r.status() == 400, r.text());
        if (r.header("Content-Type").orElse("").contains("problem")) {
          assertEquals(HSTS, r.header("Strict-Transport-Security").orElse(null), r.text());
        } else {
          // The JDK's own bare 400 for a target java.net.URI cannot parse: the one answer without our headers.
          assertEquals(ServerKind.JDK, kind, r.text());
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void weakCipherSuitesAreRefused(ServerKind kind) {
    int port = tls(kind).server().port();
    assertThrows(IOException.class, () -> connect(port, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA").close());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void clientInitiatedRenegotiationIsRefused(ServerKind kind) throws IOException {
    int port = tls(kind).server().port();
    try (SSLSocket socket = connect(port, "TLSv1.2")) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /api/things/7 HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] first = new byte[4096];
      assertTrue(socket.getInputStream().read(first) > 0);
      boolean refused;
      try {
        socket.startHandshake();
        out.write("GET /api/things/7 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String rest = RawHttp.readAll(socket.getInputStream());
        refused = !rest.contains("HTTP/1.1 200");
      } catch (IOException e) {
        refused = true;
      }
      assertTrue(refused, "the server renegotiated at the client's request");
    }
  }

  @Test
  void tls11And10AreRefusedEvenWhereTheJdkWouldAllowThem() throws Exception {
    Path security = Files.createTempFile("bulwark-legacy-tls", ".security");
    // Everything the JDK disables by default except TLSv1 and TLSv1.1, so only Bulwark's own pinning can refuse them.
    Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, "
        + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-Djava.security.properties=" + security,
        "-cp", System.getProperty("java.class.path"), LegacyTlsProbe.class.getName(),
        TestKeystore.path().toString(), TestKeystore.PASSWORD)).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), output);
    Files.deleteIfExists(security);
    assertTrue(output.contains("done"), output);
    assertTrue(output.contains("control TLSv1.1 connected"), "the client could not offer TLS 1.1 at all: " + output);
    for (ServerKind kind : ServerKind.values()) {
      assertTrue(output.contains(kind + " TLSv1.2 connected"), output);
      assertTrue(output.contains(kind + " TLSv1.1 refused"), output);
      assertTrue(output.contains(kind + " TLSv1 refused"), output);
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void plainListenerOnlyRedirects(ServerKind kind) throws IOException {
    TransportServers.Started s = tls(kind);
    int plain = s.server().plainHttpPort();
    assertTrue(plain > 0);
    int before = s.things().calls.size();
    RawResponse get = RawResponse.parse(RawHttp.exchange(plain,
        "GET /api/things/7?a=1 HTTP/1.1\r\nHost: localhost:" + plain + "\r\n\r\n", 5000));
    assertEquals(308, get.status(), get.text());
    assertEquals("https://localhost:" + s.server().port() + "/api/things/7?a=1", get.header("Location").orElse(null));
    assertTrue(get.header("Strict-Transport-Security").isEmpty(), "HSTS over plain HTTP: " + get.text());
    assertEquals("nosniff", get.header("X-Content-Type-Options").orElse(null));
    assertTrue(get.closedByServer(), get.text());
    RawResponse post = RawResponse.parse(RawHttp.exchange(plain, "POST /api/things HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 5000));
    assertEquals(308, post.status(), post.text());
    RawResponse evilHost = RawResponse.parse(RawHttp.exchange(plain,
        "GET /api/things/7 HTTP/1.1\r\nHost: evil.example/x?\r\nConnection: close\r\n\r\n", 5000));
    assertFalse(evilHost.header("Location").isPresent() && evilHost.header("Location").get().contains("/x?"), evilHost.text());
    assertEquals(before, s.things().calls.size(), "the plain listener served the API");
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void refusingPlainListener(ServerKind kind) throws IOException {
    TransportServers.Started s = TransportServers.get("tls-refuse", kind, x -> x.tls(tlsSettings()).plainHttp(PlainHttp.refuse(0)));
    RawResponse r = RawResponse.parse(RawHttp.exchange(s.server().plainHttpPort(),
        "GET /api/things/7 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000));
    r.assertProblem(403);
    assertTrue(r.header("Location").isEmpty(), r.text());
    assertEquals(0, s.things().calls.size());
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void badKeystoreStopsTheServerAtStart(ServerKind kind) {
    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> BulwarkServer.start(kind,
        Servers.settings().tls(TlsSettings.pkcs12(Path.of("no-such-dir/server.p12"), "x".toCharArray())),
        new ThingsApi_Routes(Servers.THINGS)));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    String wrong = "wrong-password-123";
    IllegalStateException password = assertThrows(IllegalStateException.class, () -> BulwarkServer.start(kind,
        Servers.settings().tls(TlsSettings.pkcs12(TestKeystore.path(), wrong.toCharArray())),
        new ThingsApi_Routes(Servers.THINGS)));
    assertTrue(password.getMessage().contains("check the password"), password.getMessage());
    assertFalse(password.getMessage().contains(wrong), password.getMessage());
  }

  @Test
  void handshakeWithAnUntrustedClientContextFails() {
    // Sanity check of the test's own trust setup: the JDK's default trust store does not know the test certificate.
    int port = tls(ServerKind.JDK).server().port();
    assertThrows(SSLHandshakeException.class, () -> {
      try (SSLSocket socket = (SSLSocket) javax.net.ssl.SSLSocketFactory.getDefault().createSocket("127.0.0.1", port)) {
        socket.startHandshake();
      }
    });
  }
}
