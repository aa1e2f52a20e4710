package dev.bulwark.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS#12 keystore made at test time with the running JDK's keytool (no private key is committed), and a client
 * TLS context that trusts its certificate.
 */
final class TestKeystore {
  static final String PASSWORD = "test-only-" + Long.toHexString(System.nanoTime());
  private static Path path;

  private TestKeystore() {}

  /** The keystore (RSA 2048, CN=localhost, SAN localhost and 127.0.0.1), made once per test run. */
  static synchronized Path path() {
    if (path == null) {
      try {
        Path dir = Files.createTempDirectory("bulwark-tls");
        dir.toFile().deleteOnExit();
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "bulwark", "-keyalg", "RSA",
            "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
            "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
            .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException("keytool failed: " + output);
        }
        store.toFile().deleteOnExit();
        path = store;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return path;
  }

  /** A client context that trusts only the test certificate. */
  static SSLContext clientContext() {
    return clientContext(path(), PASSWORD.toCharArray());
  }

  /** A client context that trusts only the certificate of the given keystore. */
  static SSLContext clientContext(Path store, char[] password) {
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore server = KeyStore.getInstance("PKCS12");
      server.load(in, password);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("bulwark", server.getCertificate("bulwark"));
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("could not build the test client's TLS context", e);
    }
  }
}
