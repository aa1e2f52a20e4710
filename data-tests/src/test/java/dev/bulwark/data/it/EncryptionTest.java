package dev.bulwark.data.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.data.BlindIndex;
import dev.bulwark.data.ColumnCipher;
import dev.bulwark.data.DecryptionFailure;
import dev.bulwark.data.it.UserStore.User;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An @Encrypted column is ciphertext to plain JDBC, plaintext through the repository, and bound to its row. */
class EncryptionTest extends DatabaseTest {
  private static final ColumnCipher CIPHER = ColumnCipher.fromJsonKeyset(ColumnCipher.newJsonKeyset());
  private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  @ParameterizedTest
  @EnumSource(Db.class)
  void plainJdbcSeesCiphertextAndTheRepositoryPlaintext(Db db) throws SQLException {
    Database database = database(db);
    UserStore users = new UserStore_Jdbc(database.dataSource, CIPHER);
    users.insert(new User(ALICE, "alice@example.com", "Alice"));
    byte[] stored = rawEmail(database, ALICE);
    assertNotNull(stored);
    String asText = new String(stored, StandardCharsets.ISO_8859_1);
    assertFalse(asText.contains("alice") || asText.contains("example"), "the column holds no plaintext");
    assertEquals("alice@example.com", users.find(ALICE).orElseThrow().email());

    users.update(new User(ALICE, "alice@new.example", "Alice"));
    assertEquals("alice@new.example", users.find(ALICE).orElseThrow().email());
    users.insert(new User(BOB, null, "Bob"));
    assertEquals(List.of(new User(ALICE, "alice@new.example", "Alice"), new User(BOB, null, "Bob")), users.all());
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aCiphertextCopiedToAnotherRowFailsToDecrypt(Db db) throws SQLException {
    Database database = database(db);
    UserStore users = new UserStore_Jdbc(database.dataSource, CIPHER);
    users.insert(new User(ALICE, "alice@example.com", "Alice"));
    users.insert(new User(BOB, "bob@example.com", "Bob"));
    try (Connection c = database.dataSource.getConnection();
        PreparedStatement copy = c.prepareStatement("UPDATE users SET email = ? WHERE id = ?")) {
      copy.setBytes(1, rawEmail(database, ALICE));
      copy.setObject(2, BOB);
      assertEquals(1, copy.executeUpdate());
    }
    DecryptionFailure e = assertThrows(DecryptionFailure.class, () -> users.find(BOB));
    assertFalse(e.getMessage().contains("alice"), e.getMessage());
    assertEquals("alice@example.com", users.find(ALICE).orElseThrow().email(), "the original row is intact");
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void anotherKeysetCannotReadTheColumn(Db db) {
    Database database = database(db);
    new UserStore_Jdbc(database.dataSource, CIPHER).insert(new User(ALICE, "alice@example.com", "Alice"));
    UserStore stranger = new UserStore_Jdbc(database.dataSource, ColumnCipher.fromJsonKeyset(ColumnCipher.newJsonKeyset()));
    assertThrows(DecryptionFailure.class, () -> stranger.find(ALICE));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aBlindIndexFindsTheRowWithoutDecryptingAnything(Db db) {
    Database database = database(db);
    UserStore users = new UserStore_Jdbc(database.dataSource, CIPHER);
    BlindIndex emails = BlindIndex.fromJsonKeyset(BlindIndex.newJsonKeyset());
    users.insert(new User(ALICE, "alice@example.com", "Alice"));
    users.insert(new User(BOB, "bob@example.com", "Bob"));
    users.setEmailIndex(ALICE, emails.index("users", "email", "alice@example.com"));
    users.setEmailIndex(BOB, emails.index("users", "email", "bob@example.com"));
    assertEquals("Bob", users.byEmailIndex(emails.index("users", "email", "bob@example.com")).orElseThrow().name());
    assertTrue(users.byEmailIndex(emails.index("users", "email", "carol@example.com")).isEmpty());
  }

  private static byte[] rawEmail(Database database, UUID id) throws SQLException {
    try (Connection c = database.dataSource.getConnection();
        PreparedStatement read = c.prepareStatement("SELECT email FROM users WHERE id = ?")) {
      read.setObject(1, id);
      try (ResultSet rows = read.executeQuery()) {
        rows.next();
        return rows.getBytes(1);
      }
    }
  }
}
