package dev.bulwark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** AES-256-GCM through Tink, bound to table, column and row; rotation by keyset; bad keysets refused at start. */
class ColumnCipherTest {
  private final ColumnCipher cipher = ColumnCipher.fromJsonKeyset(ColumnCipher.newJsonKeyset());

  @Test
  void roundTripsAndIsNotPlaintext() {
    byte[] ciphertext = cipher.encryptString("alice@example.com", "users", "email", 7L);
    assertFalse(new String(ciphertext, StandardCharsets.ISO_8859_1).contains("alice"));
    assertEquals("alice@example.com", cipher.decryptString(ciphertext, "users", "email", 7L));
    assertNull(cipher.encryptString(null, "users", "email", 7L));
    assertNull(cipher.decryptString(null, "users", "email", 7L));
  }

  @Test
  void encryptionIsRandomized() {
    assertFalse(Arrays.equals(cipher.encryptString("x", "t", "c", 1), cipher.encryptString("x", "t", "c", 1)));
  }

  @Test
  void aCiphertextOnlyDecryptsInItsOwnRowColumnAndTable() {
    byte[] ciphertext = cipher.encryptString("secret", "users", "email", 1L);
    assertThrows(DecryptionFailure.class, () -> cipher.decryptString(ciphertext, "users", "email", 2L));
    assertThrows(DecryptionFailure.class, () -> cipher.decryptString(ciphertext, "users", "name", 1L));
    assertThrows(DecryptionFailure.class, () -> cipher.decryptString(ciphertext, "admins", "email", 1L));
    byte[] tampered = ciphertext.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThrows(DecryptionFailure.class, () -> cipher.decryptString(tampered, "users", "email", 1L));
  }

  @Test
  void associatedDataIsUnambiguous() {
    assertFalse(Arrays.equals(ColumnCipher.associatedData("a.b", "c", 1), ColumnCipher.associatedData("a", "b.c", 1)));
    assertFalse(Arrays.equals(ColumnCipher.associatedData("a", "b", "1c"), ColumnCipher.associatedData("a", "b1", "c")));
    assertThrows(DataAccessException.class, () -> cipher.encryptString("x", "t", "c", null));
  }

  @Test
  void anotherKeysetCannotDecrypt() {
    ColumnCipher other = ColumnCipher.fromJsonKeyset(ColumnCipher.newJsonKeyset());
    byte[] ciphertext = cipher.encryptString("secret", "users", "email", 1L);
    assertThrows(DecryptionFailure.class, () -> other.decryptString(ciphertext, "users", "email", 1L));
  }

  @Test
  void rotationEncryptsWithTheNewPrimaryAndStillDecryptsOldValues() throws Exception {
    AeadConfig.register();
    KeysetHandle old = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    byte[] before = ColumnCipher.of(old).encryptString("v1", "t", "c", 1);
    KeysetHandle rotated = KeysetHandle.newBuilder(old)
        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
            .withRandomId().makePrimary().setStatus(KeyStatus.ENABLED))
        .build();
    ColumnCipher next = ColumnCipher.of(rotated);
    assertEquals("v1", next.decryptString(before, "t", "c", 1));
    byte[] after = next.encryptString("v2", "t", "c", 1);
    assertThrows(DecryptionFailure.class, () -> ColumnCipher.of(old).decryptString(after, "t", "c", 1),
        "a value written after rotation is under the new primary key, which the old keyset lacks");
    assertArrayEquals("v2".getBytes(StandardCharsets.UTF_8), next.decrypt(after, "t", "c", 1));
  }

  @Test
  void weakOrMissingKeysetsAreRefusedAtStart() throws Exception {
    AeadConfig.register();
    KeysetHandle aes128 = KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM);
    IllegalArgumentException weak = assertThrows(IllegalArgumentException.class, () -> ColumnCipher.of(aes128));
    assertTrue(weak.getMessage().contains("AES-256-GCM"), weak.getMessage());
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(aes128, InsecureSecretKeyAccess.get());
    assertThrows(IllegalArgumentException.class, () -> ColumnCipher.fromJsonKeyset(json));
    assertThrows(IllegalArgumentException.class, () -> ColumnCipher.fromJsonKeyset(""));
    assertThrows(IllegalArgumentException.class, () -> ColumnCipher.fromJsonKeyset("{not json"));
  }
}
