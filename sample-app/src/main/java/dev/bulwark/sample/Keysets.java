package dev.bulwark.sample;

import dev.bulwark.data.BlindIndex;
import dev.bulwark.data.ColumnCipher;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Tink keysets for the data at rest: AES-256-GCM for encrypted columns, HMAC-SHA256 for blind indexes, each a
 * cleartext Tink JSON keyset from the environment. Without them the run gets fresh ones, which only suits a database
 * that dies with the process.
 */
record Keysets(ColumnCipher cipher, BlindIndex index, boolean ephemeral) {
  static final String DATA_ENV = "BULWARK_DATA_KEYSET";
  static final String INDEX_ENV = "BULWARK_INDEX_KEYSET";

  /** Reads both keysets; {@code persistent} says the database outlives the process, so both must be configured. */
  static Keysets fromEnv(Map<String, String> env, boolean persistent, Consumer<String> log) {
    String data = blankToNull(env.get(DATA_ENV));
    String index = blankToNull(env.get(INDEX_ENV));
    boolean ephemeral = data == null || index == null;
    if (ephemeral && persistent) {
      throw new IllegalArgumentException(Storage.URL_ENV + " points to a persistent database, so set " + DATA_ENV
          + " and " + INDEX_ENV + " to Tink JSON keysets kept in your secret store (make them once with "
          + "'tinkey create-keyset --key-template AES256_GCM' and '--key-template HMAC_SHA256_PRF', or "
          + "ColumnCipher.newJsonKeyset() and BlindIndex.newJsonKeyset()); with keysets made up for one run, the "
          + "stored e-mail addresses could not be decrypted or found after a restart");
    }
    if (ephemeral) {
      log.accept("No " + (data == null ? DATA_ENV : "") + (data == null && index == null ? " or " : "")
          + (index == null ? INDEX_ENV : "") + " set: a random keyset stands in for this run only (ephemeral: data "
          + "encrypted or indexed now cannot be decrypted or found after a restart; fine for the in-memory database)");
    }
    ColumnCipher cipher;
    try {
      cipher = ColumnCipher.fromJsonKeyset(data == null ? ColumnCipher.newJsonKeyset() : data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(DATA_ENV + " is not usable: " + e.getMessage()
          + "; set it to a Tink JSON keyset of AES-256-GCM keys");
    }
    BlindIndex blindIndex;
    try {
      blindIndex = BlindIndex.fromJsonKeyset(index == null ? BlindIndex.newJsonKeyset() : index);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(INDEX_ENV + " is not usable: " + e.getMessage()
          + "; set it to a Tink JSON keyset of HMAC-SHA256 PRF keys");
    }
    return new Keysets(cipher, blindIndex, ephemeral);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
