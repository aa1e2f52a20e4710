package dev.bulwark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Deterministic under one key, different under another, per column, and only from HMAC-SHA256 keysets. */
class BlindIndexTest {
  private final String keyset = BlindIndex.newJsonKeyset();
  private final BlindIndex index = BlindIndex.fromJsonKeyset(keyset);

  @Test
  void sameValueSameIndexUnderOneKeyset() {
    byte[] a = index.index("users", "email", "alice@example.com");
    assertEquals(32, a.length);
    assertArrayEquals(a, BlindIndex.fromJsonKeyset(keyset).index("users", "email", "alice@example.com"));
    assertFalse(Arrays.equals(a, index.index("users", "email", "bob@example.com")));
    assertFalse(Arrays.equals(a, index.index("users", "backup_email", "alice@example.com")));
    assertFalse(Arrays.equals(a, BlindIndex.fromJsonKeyset(BlindIndex.newJsonKeyset()).index("users", "email",
        "alice@example.com")), "without the key the index of a guessed value cannot be computed");
    assertNull(index.index("users", "email", null));
  }

  @Test
  void otherKeysetsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> BlindIndex.fromJsonKeyset(ColumnCipher.newJsonKeyset()));
    assertThrows(IllegalArgumentException.class, () -> BlindIndex.fromJsonKeyset(" "));
  }
}
