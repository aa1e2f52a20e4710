package dev.bulwark.runtime.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * HTTPS from a PKCS#12 keystore, the same for both servers: TLS 1.3 and 1.2 only, forward-secret AEAD cipher suites
 * only (ECDHE with AES-GCM or ChaCha20-Poly1305 for 1.2), the server's suite order, and no renegotiation started by a
 * client. The keystore is opened when the server starts; a missing file or a wrong password stops it there.
 *
 * <pre>{@code
 * ServerSettings.defaults().port(8443).tls(TlsSettings.pkcs12FromEnv(Path.of("server.p12"), "BULWARK_TLS_PASSWORD"));
 * }</pre>
 */
public final class TlsSettings {
  /** The protocols offered, newest first. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
  /** The cipher suites offered, in the server's order of preference; any the JDK lacks are left out. */
  public static final List<String> CIPHER_SUITES = List.of(
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
  /** The HSTS value sent on every TLS response: a year, subdomains included. */
  public static final String HSTS = "max-age=31536000; includeSubDomains";

  private final Path keystore;
  private final char[] password;
  private final String source;

  private TlsSettings(Path keystore, char[] password, String source) {
    this.keystore = keystore;
    this.password = password;
    this.source = source;
  }

  /** A PKCS#12 keystore and its password (the same password protects the key). */
  public static TlsSettings pkcs12(Path keystore, char[] password) {
    if (keystore == null) {
      throw new IllegalArgumentException("TLS needs the path of a PKCS#12 keystore");
    }
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("TLS needs the keystore password; it must not be empty");
    }
    return new TlsSettings(keystore, password.clone(), "the given password");
  }

  /** A PKCS#12 keystore whose password is read from an environment variable, so it never appears on a command line. */
  public static TlsSettings pkcs12FromEnv(Path keystore, String variable) {
    if (variable == null || variable.isBlank()) {
      throw new IllegalArgumentException("TLS needs the name of the environment variable that holds the keystore password");
    }
    String value = System.getenv(variable);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("The environment variable " + variable + " holds no keystore password; set it "
          + "to the password of " + keystore);
    }
    TlsSettings settings = pkcs12(keystore, value.toCharArray());
    return new TlsSettings(settings.keystore, settings.password, "the password in $" + variable);
  }

  /** The keystore's path. */
  public Path keystore() {
    return keystore;
  }

  /**
   * Opens the keystore and builds the server's TLS context. Fails with a message that names the file and what to fix,
   * never the password.
   */
  public SSLContext sslContext() {
    // JSSE reads this once, process-wide; TLS 1.3 has no renegotiation at all, this covers TLS 1.2.
    if (System.getProperty("jdk.tls.rejectClientInitiatedRenegotiation") == null) {
      System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
    }
    KeyStore store;
    try (InputStream in = Files.newInputStream(keystore)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("TLS keystore " + keystore.toAbsolutePath() + " does not exist; give the path of a "
          + "PKCS#12 file (see docs/transport.md for keytool)");
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
        throw new IllegalStateException("TLS keystore " + keystore.toAbsolutePath() + " could not be opened with "
            + source + "; check the password");
      }
      throw new IllegalStateException("TLS keystore " + keystore.toAbsolutePath() + " could not be read as PKCS#12 ("
          + "wrong password, or not a PKCS#12 file); check the password and the file");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS keystore " + keystore.toAbsolutePath() + " could not be read as PKCS#12; "
          + "make it with keytool -storetype PKCS12");
    }
    try {
      if (!hasKey(store)) {
        throw new IllegalStateException("TLS keystore " + keystore.toAbsolutePath() + " has no private key entry; "
            + "make one with keytool -genkeypair");
      }
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (UnrecoverableKeyException e) {
      throw new IllegalStateException("The key in TLS keystore " + keystore.toAbsolutePath() + " is not protected by "
          + source + "; give the key the keystore's password");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS could not be set up from " + keystore.toAbsolutePath() + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** The cipher suites of {@link #CIPHER_SUITES} this context supports; fails when there are none. */
  public static String[] cipherSuites(SSLContext context) {
    List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
    List<String> chosen = new ArrayList<>();
    for (String suite : CIPHER_SUITES) {
      if (supported.contains(suite)) {
        chosen.add(suite);
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalStateException("This JDK supports none of Bulwark's TLS cipher suites " + CIPHER_SUITES);
    }
    return chosen.toArray(new String[0]);
  }

  /** The server parameters: {@link #PROTOCOLS}, the chosen suites in the server's order, no client authentication. */
  public static SSLParameters parameters(SSLContext context) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setProtocols(PROTOCOLS.toArray(new String[0]));
    parameters.setCipherSuites(cipherSuites(context));
    parameters.setUseCipherSuitesOrder(true);
    parameters.setNeedClientAuth(false);
    parameters.setWantClientAuth(false);
    return parameters;
  }

  private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "TlsSettings[" + keystore + "]";
  }
}
