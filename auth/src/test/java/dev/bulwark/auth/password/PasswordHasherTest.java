package dev.bulwark.auth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.CharBuffer;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  private static final PasswordHasher HASHER = PasswordHasher.argon2id();

  @Test
  void hashIsAPhcStringWithOwaspParametersAndVerifies() {
    String stored = HASHER.hash("correct horse battery staple");
    assertTrue(stored.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
        stored);
    assertTrue(HASHER.verify("correct horse battery staple", stored));
    assertFalse(HASHER.verify("correct horse battery stapl", stored));
    assertFalse(HASHER.needsRehash(stored));
  }

  @Test
  void saltIsFreshEveryTime() {
    assertNotEquals(HASHER.hash("same password twice"), HASHER.hash("same password twice"));
  }

  @Test
  void verifiesHashesMadeByTheReferenceArgon2Implementation() {
    // Made with the reference CLI (Debian's argon2 package): echo -n PASSWORD | argon2 SALT -id -t T -k M -p 1 -l 32 -e
    assertTrue(HASHER.verify("correct horse battery staple",
        "$argon2id$v=19$m=19456,t=2,p=1$YnVsd2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw"));
    String older = "$argon2id$v=19$m=12288,t=3,p=1$YW5vdGhlci1zYWx0LWFiYw$+rDRHtPLIF+UfymKXqxCdLhXf2T4BwIA+2/u/uP7bVA";
    assertTrue(HASHER.verify("pässwörd 🔐", older));
    assertTrue(HASHER.needsRehash(older), "other parameters than the current settings need a rehash");
  }

  @Test
  void passwordIsUsedExactlyAsTyped() {
    String stored = HASHER.hash("Tr0ub4dor & 3 ");
    assertFalse(HASHER.verify("Tr0ub4dor & 3", stored), "no trimming");
    assertFalse(HASHER.verify("tr0ub4dor & 3 ", stored), "no case folding");
    String composed = Normalizer.normalize("crème brûlée", Normalizer.Form.NFC);
    String decomposed = Normalizer.normalize("crème brûlée", Normalizer.Form.NFD);
    String unicode = HASHER.hash(composed);
    assertTrue(HASHER.verify(CharBuffer.wrap(composed.toCharArray()), unicode), "char[] input works too");
    assertFalse(HASHER.verify(decomposed, unicode), "no normalisation");
  }

  @Test
  void longPasswordIsNotTruncated() {
    String base = "a".repeat(200);
    String stored = HASHER.hash(base + "X");
    assertFalse(HASHER.verify(base + "Y", stored));
  }

  @Test
  void unencodableOrOversizedPasswordsAreRefusedWithoutEchoingThem() {
    IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
        () -> HASHER.hash("secret\uD800value"));
    assertFalse(surrogate.getMessage().contains("secret"));
    assertThrows(IllegalArgumentException.class, () -> HASHER.hash("x".repeat(PasswordHasher.MAX_PASSWORD_BYTES + 1)));
    assertThrows(IllegalArgumentException.class, () -> HASHER.hash(""));
    // Two lone surrogates would both become '?' with a lenient encoder and then match each other.
    String stored = HASHER.hash("password-with-?-mark");
    assertFalse(HASHER.verify("password-with-\uDC00-mark", stored));
  }

  @Test
  void strongerSettingsAskForRehash() {
    String stored = HASHER.hash("upgrade me please");
    PasswordHasher stronger = PasswordHasher.argon2id(new Argon2Settings(19 * 1024, 3, 1, 16, 32));
    assertTrue(stronger.needsRehash(stored));
    assertTrue(stronger.verify("upgrade me please", stored), "old hashes still verify");
    assertFalse(stronger.needsRehash(stronger.hash("upgrade me please")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "plain",
      "$argon2i$v=19$m=19456,t=2,p=1$YnVsd2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw",
      "$argon2id$v=16$m=19456,t=2,p=1$YnVsd2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw",
      "$argon2id$v=19$t=2,m=19456,p=1$YnVsd2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw",
      "$argon2id$v=19$m=+19456,t=2,p=1$YnVsd2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw",
      "$argon2id$v=19$m=019456,t=2,p=1$YnVsd2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw",
      "$argon2id$v=19$m=9999999,t=2,p=1$YnVsd2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw",
      "$argon2id$v=19$m=19456,t=2,p=1$YnVsd2Fyay1zYWx0LTE2Yg==$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw",
      "$argon2id$v=19$m=19456,t=2,p=1$YnVsd2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw$",
      "$argon2id$v=19$m=19456,t=2,p=1$YnVs*2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw",
      "$argon2id$v=19$m=19456,t=2,p=1$$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw",
      "$argon2id$v=19$m=19456,t=2,p=1,x=3$YnVsd2Fyay1zYWx0LTE2Yg$KsUBcMzJHRoAG34Oay72O+vj5vy0T0iBAuTHRDyE9mw"
  })
  void storedHashesOutsideTheFormatAreRefused(String stored) {
    assertThrows(IllegalArgumentException.class, () -> HASHER.verify("correct horse battery staple", stored));
    assertThrows(IllegalArgumentException.class, () -> HASHER.needsRehash(stored));
  }

  @Test
  void settingsWeakerThanOwaspFailFastWithAFix() {
    IllegalArgumentException weak = assertThrows(IllegalArgumentException.class,
        () -> new Argon2Settings(19 * 1024, 1, 1, 16, 32));
    assertTrue(weak.getMessage().contains("m=19456 KiB with t=2"), weak.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(4096, 10, 1, 16, 32));
    assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(19 * 1024, 2, 1, 8, 32));
    assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(19 * 1024, 2, 0, 16, 32));
    assertEquals(47 * 1024, new Argon2Settings(47 * 1024, 1, 1, 16, 32).memoryKiB());
    assertEquals(5, new Argon2Settings(7 * 1024, 5, 1, 16, 32).iterations());
  }
}
