package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.data.BlindIndex;
import dev.bulwark.data.ColumnCipher;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad storage configuration stops the app at start with a message that says what to fix, never the password. */
class StorageConfigTest {
  private static final String DB_PASSWORD = "s3cret-db-passw0rd";

  private static RuntimeException refused(Map<String, String> env) {
    return assertThrows(RuntimeException.class, () -> new SampleApp(env, Clock.systemUTC(), m -> {}).close());
  }

  private static Map<String, String> withKeysets(String url) {
    return Map.of(Storage.URL_ENV, url, Storage.USER_ENV, "sample", Storage.PASSWORD_ENV, DB_PASSWORD,
        Keysets.DATA_ENV, ColumnCipher.newJsonKeyset(), Keysets.INDEX_ENV, BlindIndex.newJsonKeyset());
  }

  @Test
  void withoutKeysetsTheRunIsEphemeralAndSaysSo() {
    List<String> log = new ArrayList<>();
    try (SampleApp app = new SampleApp(Map.of(), Clock.systemUTC(), log::add)) {
      assertTrue(app.ephemeralKeysets);
      assertFalse(app.storage.persistent());
    }
    assertTrue(log.stream().anyMatch(line -> line.contains(Keysets.DATA_ENV) && line.contains(Keysets.INDEX_ENV)
        && line.contains("ephemeral") && line.contains("cannot be decrypted") && line.contains("after a restart")), log.toString());
  }

  @Test
  void configuredKeysetsAreNotEphemeral() {
    List<String> log = new ArrayList<>();
    Map<String, String> env = Map.of(Keysets.DATA_ENV, ColumnCipher.newJsonKeyset(), Keysets.INDEX_ENV,
        BlindIndex.newJsonKeyset());
    try (SampleApp app = new SampleApp(env, Clock.systemUTC(), log::add)) {
      assertFalse(app.ephemeralKeysets);
    }
    assertTrue(log.stream().noneMatch(line -> line.contains("keyset")), log.toString());
  }

  @Test
  void postgresqlWithEphemeralKeysetsIsRefused() {
    RuntimeException e = refused(Map.of(Storage.URL_ENV, "jdbc:postgresql://127.0.0.1:5432/test",
        Keysets.INDEX_ENV, BlindIndex.newJsonKeyset()));
    assertTrue(e instanceof IllegalArgumentException, e.toString());
    assertTrue(e.getMessage().contains("set " + Keysets.DATA_ENV + " and " + Keysets.INDEX_ENV), e.getMessage());
  }

  @Test
  void aBadKeysetNamesItsVariable() {
    RuntimeException e = refused(Map.of(Keysets.DATA_ENV, "{\"not\":\"a keyset\"}"));
    assertTrue(e.getMessage().startsWith(Keysets.DATA_ENV + " is not usable"), e.getMessage());
    RuntimeException weak = refused(Map.of(Keysets.DATA_ENV, BlindIndex.newJsonKeyset()));
    assertTrue(weak.getMessage().contains("AES-256-GCM"), weak.getMessage());
  }

  @Test
  void aUrlThatIsNotPostgresqlIsRefused() {
    RuntimeException e = refused(withKeysets("jdbc:mysql://root:" + DB_PASSWORD + "@db/blog"));
    assertTrue(e.getMessage().contains("must be a PostgreSQL JDBC URL"), e.getMessage());
    assertFalse(e.getMessage().contains(DB_PASSWORD), e.getMessage());
  }

  @Test
  void anUnreachableDatabaseStopsTheStartWithoutThePassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // free now, and nothing listens on it once closed
    }
    RuntimeException e = refused(withKeysets("jdbc:postgresql://127.0.0.1:" + closedPort + "/blog?password="
        + DB_PASSWORD + "&connectTimeout=5"));
    assertTrue(e instanceof IllegalStateException, e.toString());
    String message = e.getMessage();
    assertTrue(message.startsWith("cannot connect to the database postgresql jdbc:postgresql://127.0.0.1:" + closedPort
        + "/blog "), message);
    assertTrue(message.contains(Storage.URL_ENV) && message.contains("running and reachable"), message);
    assertFalse(message.contains(DB_PASSWORD), message);
  }

  @Test
  void theLoggedUrlLosesItsCredentials() {
    assertEquals("jdbc:postgresql://db:5432/blog", Storage.redacted("jdbc:postgresql://db:5432/blog?user=a&password=b"));
    assertEquals("jdbc:postgresql://db/blog", Storage.redacted("jdbc:postgresql://me:pw@db/blog"));
  }
}
