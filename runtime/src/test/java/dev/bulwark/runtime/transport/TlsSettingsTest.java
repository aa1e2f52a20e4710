package dev.bulwark.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {

  @Test
  void parametersPinProtocolsAndModernSuites() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, null, null);
    SSLParameters parameters = TlsSettings.parameters(context);
    assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, parameters.getProtocols());
    assertTrue(parameters.getUseCipherSuitesOrder());
    for (String suite : parameters.getCipherSuites()) {
      assertTrue(suite.contains("_GCM_") || suite.contains("CHACHA20"), suite);
      assertTrue(suite.startsWith("TLS_AES") || suite.startsWith("TLS_CHACHA") || suite.startsWith("TLS_ECDHE_"), suite);
    }
    assertTrue(Arrays.asList(parameters.getCipherSuites()).contains("TLS_AES_128_GCM_SHA256"));
  }

  @Test
  void badKeystoresSayWhatToFix(@TempDir Path dir) throws Exception {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> TlsSettings.pkcs12(dir.resolve("none.p12"), "secret-pw".toCharArray()).sslContext());
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a keystore");
    IllegalStateException unreadable = assertThrows(IllegalStateException.class,
        () -> TlsSettings.pkcs12(garbage, "secret-pw".toCharArray()).sslContext());
    assertFalse(unreadable.getMessage().contains("secret-pw"), unreadable.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TlsSettings.pkcs12(garbage, new char[0]));
    IllegalArgumentException env = assertThrows(IllegalArgumentException.class,
        () -> TlsSettings.pkcs12FromEnv(garbage, "BULWARK_SURELY_UNSET_VARIABLE_42"));
    assertTrue(env.getMessage().contains("BULWARK_SURELY_UNSET_VARIABLE_42"), env.getMessage());
  }
}
