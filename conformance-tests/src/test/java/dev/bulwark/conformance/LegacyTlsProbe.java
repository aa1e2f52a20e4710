package dev.bulwark.conformance;

import dev.bulwark.conformance.fixture.Things;
import dev.bulwark.conformance.fixture.ThingsApi_Routes;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import dev.bulwark.runtime.server.ServerSettings;
import dev.bulwark.runtime.transport.TlsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Run by {@link TlsTest} in a child JVM whose {@code jdk.tls.disabledAlgorithms} no longer disables TLS 1.0 and 1.1,
 * so that the JDK itself would speak them on both sides. First a control (a bare JSSE server with every protocol
 * enabled accepts TLS 1.1, which proves the client really offers it), then each Bulwark server over TLS 1.2, 1.1 and
 * 1.0. Prints one line per attempt: {@code <target> <protocol> connected|refused}.
 */
public final class LegacyTlsProbe {
  private LegacyTlsProbe() {}

  public static void main(String[] args) throws Exception {
    Path keystore = Path.of(args[0]);
    char[] password = args[1].toCharArray();
    SSLContext server = TlsSettings.pkcs12(keystore, password).sslContext();
    try (SSLServerSocket control = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
      control.setEnabledProtocols(control.getSupportedProtocols());
      control.setEnabledCipherSuites(control.getSupportedCipherSuites());
      Thread accept = new Thread(() -> {
        try (SSLSocket s = (SSLSocket) control.accept()) {
          s.startHandshake();
        } catch (IOException ignored) {
          // The client's result is what counts.
        }
      });
      accept.start();
      System.out.println("control TLSv1.1 " + attempt(control.getLocalPort(), "TLSv1.1", keystore, password));
      accept.join(5000);
    }
    for (ServerKind kind : ServerKind.values()) {
      ServerSettings settings = ServerSettings.defaults().port(0).tls(TlsSettings.pkcs12(keystore, password));
      try (BulwarkServer bulwark = BulwarkServer.start(kind, settings, new ThingsApi_Routes(new Things()))) {
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.1", "TLSv1"}) {
          System.out.println(kind + " " + protocol + " " + attempt(bulwark.port(), protocol, keystore, password));
        }
      }
    }
    System.out.println("done");
    System.exit(0);
  }

  private static String attempt(int port, String protocol, Path keystore, char[] password) {
    SSLContext client = TestKeystore.clientContext(keystore, password);
    try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setEnabledCipherSuites(socket.getSupportedCipherSuites());
      socket.startHandshake();
      return protocol.equals(socket.getSession().getProtocol()) ? "connected" : "other:" + socket.getSession().getProtocol();
    } catch (IOException e) {
      return "refused";
    } catch (IllegalArgumentException e) {
      return "unsupported-by-client:" + Arrays.toString(new String[] {protocol});
    }
  }
}
