package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sample's --tls-keystore and --tls-password-env options, with a keystore made by keytool at test time. */
class TlsOptionsTest {
  private static final String PASSWORD = "sample-test-" + Long.toHexString(System.nanoTime());

  @TempDir
  static Path dir;

  @Test
  void optionsAreParsedAndCheckedTogether() {
    Main.Options tls = Main.Options.parse("--tls-keystore", "dev.p12", "--tls-password-env", "BULWARK_TLS_PASSWORD");
    assertEquals("dev.p12", tls.tlsKeystore());
    assertEquals("BULWARK_TLS_PASSWORD", tls.tlsPasswordEnv());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.Options.parse("--tls-keystore", "dev.p12"))
        .getMessage().contains("go together"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.Options.parse("--tls-password-env", "X"))
        .getMessage().contains("go together"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Main.Options.parse("--tls-keystore", "dev.p12", "--tls-password-env", "p@ss word!"))
        .getMessage().contains("NAME of an environment variable"));
    assertThrows(IllegalArgumentException.class, () -> Main.Options.parse("--tls-keystore"));
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void servesHttpsWithHsts(ServerKind kind) throws Exception {
    Path keystore = keystore();
    Main.Options options = new Main.Options("127.0.0.1", 0, kind, null, keystore.toString(), "SAMPLE_TLS_PASSWORD");
    try (BulwarkServer server = Main.start(options, Map.of("SAMPLE_TLS_PASSWORD", PASSWORD))) {
      assertTrue(server.baseUrl().startsWith("https://"), server.baseUrl());
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore)).version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
          + "/api/posts/search?q=x")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("max-age=31536000; includeSubDomains", r.headers().firstValue("Strict-Transport-Security").orElse(null));
    }
  }

  @Test
  void unsetPasswordVariableStopsTheStart() throws Exception {
    Main.Options options = new Main.Options("127.0.0.1", 0, ServerKind.JDK, null, keystore().toString(), "SAMPLE_TLS_UNSET");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.start(options, Map.of()));
    assertTrue(e.getMessage().contains("SAMPLE_TLS_UNSET"), e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD));
  }

  private static synchronized Path keystore() throws Exception {
    Path store = dir.resolve("dev.p12");
    if (!Files.exists(store)) {
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "dev", "-keyalg", "RSA", "-keysize", "2048",
          "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
          "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.waitFor(), output);
    }
    return store;
  }

  private static SSLContext trusting(Path store) throws Exception {
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      server.load(in, PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("dev", server.getCertificate("dev"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
