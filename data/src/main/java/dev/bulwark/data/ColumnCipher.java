package dev.bulwark.data;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Encryption at rest for {@code @Encrypted} columns: AES-256-GCM through Google Tink, with the table, the column and
 * the row key as associated data, so a ciphertext only decrypts where it was written. Keys come from a Tink keyset
 * the application configures; rotation is by keyset (add a new primary key: new values are encrypted with it, old
 * ones still decrypt with the key that wrote them, since Tink prefixes each ciphertext with its key id).
 *
 * <pre>{@code
 * ColumnCipher cipher = ColumnCipher.fromJsonKeyset(System.getenv("BULWARK_DATA_KEYSET"));
 * UserStore users = new UserStore_Jdbc(dataSource, cipher);
 * }</pre>
 */
public final class ColumnCipher {
  private static final byte[] VERSION = "bulwark-column-v1".getBytes(StandardCharsets.US_ASCII);

  private final Aead aead;

  private ColumnCipher(Aead aead) {
    this.aead = aead;
  }

  /**
   * A cipher over the keyset; fails fast unless every key in it is AES-256-GCM, so a weaker key can never become
   * the primary by accident.
   */
  public static ColumnCipher of(KeysetHandle keyset) {
    Objects.requireNonNull(keyset, "keyset");
    try {
      AeadConfig.register();
      for (int i = 0; i < keyset.size(); i++) {
        if (!(keyset.getAt(i).getKey().getParameters() instanceof AesGcmParameters p) || p.getKeySizeBytes() != 32) {
          throw new IllegalArgumentException("the column encryption keyset must hold only AES-256-GCM keys; key "
              + keyset.getAt(i).getId() + " is another kind: generate keys with PredefinedAeadParameters.AES256_GCM");
        }
      }
      return new ColumnCipher(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the column encryption keyset cannot be used: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * A cipher over a keyset in Tink's JSON format, held in plaintext (from a secret store, never from the source
   * tree). To keep the keyset wrapped by a KMS, parse it with {@code TinkJsonProtoKeysetFormat.parseEncryptedKeyset}
   * and call {@link #of}.
   */
  public static ColumnCipher fromJsonKeyset(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("no column encryption keyset is configured: pass a Tink JSON keyset of "
          + "AES-256-GCM keys (ColumnCipher.newJsonKeyset() makes one)");
    }
    try {
      AeadConfig.register();
      return of(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the column encryption keyset is not a valid Tink JSON keyset", e);
    }
  }

  /** A new keyset with one AES-256-GCM key, in Tink's JSON format: keep it secret, as you would a password. */
  public static String newJsonKeyset() {
    try {
      AeadConfig.register();
      return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
          InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a keyset", e);
    }
  }

  /** The ciphertext of a text value, or {@code null} for {@code null}. */
  public byte[] encryptString(String plaintext, String table, String column, Object rowKey) {
    return plaintext == null ? null : encrypt(plaintext.getBytes(StandardCharsets.UTF_8), table, column, rowKey);
  }

  /** The text a ciphertext holds, or {@code null} for {@code null}; {@link DecryptionFailure} if it is not ours. */
  public String decryptString(byte[] ciphertext, String table, String column, Object rowKey) {
    byte[] plain = decrypt(ciphertext, table, column, rowKey);
    return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
  }

  /** The ciphertext of a binary value, or {@code null} for {@code null}. */
  public byte[] encrypt(byte[] plaintext, String table, String column, Object rowKey) {
    if (plaintext == null) {
      return null;
    }
    try {
      return aead.encrypt(plaintext, associatedData(table, column, rowKey));
    } catch (GeneralSecurityException e) {
      throw new DataAccessException(table + "." + column, "encryption failed", null, e);
    }
  }

  /** The plaintext of a ciphertext, or {@code null} for {@code null}; {@link DecryptionFailure} if it is not ours. */
  public byte[] decrypt(byte[] ciphertext, String table, String column, Object rowKey) {
    if (ciphertext == null) {
      return null;
    }
    try {
      return aead.decrypt(ciphertext, associatedData(table, column, rowKey));
    } catch (GeneralSecurityException e) {
      throw new DecryptionFailure(table + "." + column, e);
    }
  }

  /**
   * The associated data: a version tag, then the table, the column and the row key, each length-prefixed so that
   * no two different triples encode alike ({@code ("a.b", "c")} and {@code ("a", "b.c")} differ).
   */
  static byte[] associatedData(String table, String column, Object rowKey) {
    if (rowKey == null) {
      throw new DataAccessException(table + "." + column, "the row key of an encrypted column is null; "
          + "set it before the row is written (a client-generated id or a natural key)", null, null);
    }
    byte[] t = table.getBytes(StandardCharsets.UTF_8);
    byte[] c = column.getBytes(StandardCharsets.UTF_8);
    byte[] k = rowKey.toString().getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(VERSION.length + 12 + t.length + c.length + k.length);
    buffer.put(VERSION).putInt(t.length).put(t).putInt(c.length).put(c).putInt(k.length).put(k);
    return buffer.array();
  }
}
