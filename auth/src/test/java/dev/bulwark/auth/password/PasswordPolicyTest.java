package dev.bulwark.auth.password;

import static dev.bulwark.auth.password.PasswordProblem.CONTAINS_CONTEXT_WORD;
import static dev.bulwark.auth.password.PasswordProblem.CONTAINS_USER_DATA;
import static dev.bulwark.auth.password.PasswordProblem.NOT_VALID_UNICODE;
import static dev.bulwark.auth.password.PasswordProblem.TOO_COMMON;
import static dev.bulwark.auth.password.PasswordProblem.TOO_LONG;
import static dev.bulwark.auth.password.PasswordProblem.TOO_SHORT;
import static dev.bulwark.auth.password.PasswordProblem.TOO_WEAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private static final PasswordPolicy POLICY = PasswordPolicy.defaults();

  @ParameterizedTest
  @ValueSource(strings = {
      "vivid-otter-carries-lanterns",   // a passphrase of plain words, no digits or capitals
      "zq4!Rm9#wLp2$Tx",                 // random
      "ein Zebra tanzt über Brücken",    // spaces and non-ASCII
      "東京の夜はとても静かで美しい",       // no Latin letters at all
      "🦊🌵🎻🚲🍋🧲🪁🛶🌋🐙🎲🧊"            // twelve emoji: twelve code points
  })
  void acceptsStrongPasswordsOfAnyComposition(String password) {
    PasswordCheck check = POLICY.check(password, "alice@example.com", "Alice Liddell");
    assertTrue(check.ok(), () -> check.problems().toString());
  }

  @Test
  void lengthIsCountedInCodePoints() {
    String elevenEmoji = "🦊🌵🎻🚲🍋🧲🪁🛶🌋🐙🎲";
    assertEquals(22, elevenEmoji.length(), "UTF-16 units are not characters");
    assertEquals(List.of(TOO_SHORT), POLICY.check(elevenEmoji).problems());
    assertTrue(POLICY.check("🦊🌵🎻🚲🍋🧲🪁🛶🌋🐙🎲🧊").ok(), "twelve code points are enough");
    assertTrue(POLICY.check("x".repeat(11)).has(TOO_SHORT));
  }

  @Test
  void sixtyFourCharactersAndTheMaximumAreAllowedButNotMore() {
    String sixtyFour = "Fjord lamps hum while seven quiet badgers knit wool scarves 2024";
    assertEquals(64, sixtyFour.length());
    assertTrue(POLICY.check(sixtyFour).ok(), () -> POLICY.check(sixtyFour).problems().toString());
    String max = (sixtyFour + sixtyFour).substring(0, 128);
    assertFalse(POLICY.check(max).has(TOO_LONG));
    assertEquals(List.of(TOO_LONG), POLICY.check(max + "x").problems());
  }

  @Test
  void byteCapBoundsHashingWork() {
    // 128 code points of four bytes each is 512 bytes: at the cap. A lower cap refuses it by bytes alone.
    String emoji = "🦊🌵🎻🚲🍋🧲🪁🛶".repeat(16);
    assertFalse(POLICY.check(emoji).has(TOO_LONG));
    PasswordPolicy tight = PasswordPolicy.builder().maxBytes(256).build();
    assertTrue(tight.check(emoji).has(TOO_LONG));
  }

  @ParameterizedTest
  @ValueSource(strings = {"password1234", "Password1234", "P@ssw0rd1234", "qwertyuiop123", "iloveyou1234"})
  void refusesCommonPasswords(String password) {
    PasswordCheck check = POLICY.check(password);
    assertTrue(check.has(TOO_COMMON) || check.has(TOO_WEAK), () -> password + " " + check.problems());
    assertFalse(check.ok());
  }

  @Test
  void commonPasswordIsReportedAsCommon() {
    assertTrue(POLICY.check("1234567890123").has(TOO_COMMON) || POLICY.check("1234567890123").has(TOO_WEAK));
    assertTrue(PasswordPolicy.builder().minLength(8).build().check("password").has(TOO_COMMON));
    assertTrue(PasswordPolicy.builder().minLength(8).build().check("P@ssw0rd").has(TOO_COMMON), "l33t");
  }

  @Test
  void refusesWeakPatterns() {
    assertTrue(POLICY.check("aaaaaaaaaaaaaaaa").has(TOO_WEAK));
    assertTrue(POLICY.check("abcdefghijklmnop").has(TOO_WEAK));
  }

  @Test
  void blocklistIsCaseInsensitive() {
    PasswordPolicy policy = PasswordPolicy.builder().blocklist(List.of("Vivid-Otter-Carries-Lanterns")).build();
    assertEquals(List.of(TOO_COMMON), policy.check("vivid-otter-carries-lanterns").problems());
  }

  @Test
  void refusesPasswordsContainingTheUsersData() {
    assertTrue(POLICY.check("xx-alice.liddell@example.com-9", "alice.liddell@example.com").has(CONTAINS_USER_DATA));
    assertTrue(POLICY.check("Liddell-tea-party-2-9z", "alice.liddell@example.com").has(CONTAINS_USER_DATA),
        "a part of the e-mail's local part");
    assertTrue(POLICY.check("quiet-ALICE-lanterns-77", "someone@example.com", "Alice Liddell").has(CONTAINS_USER_DATA));
    assertFalse(POLICY.check("vivid-otter-carries-lanterns", "bo@example.com", "Bo").has(CONTAINS_USER_DATA),
        "short pieces and the domain do not count");
    assertFalse(POLICY.check("complete-otter-carries-lanterns", "bob@example.com").has(CONTAINS_USER_DATA),
        "the top-level domain is not user data");
  }

  @Test
  void refusesContextWords() {
    PasswordPolicy policy = PasswordPolicy.builder().contextWords(List.of("Bulwark")).build();
    assertTrue(policy.check("my-bulwark-otter-lanterns").has(CONTAINS_CONTEXT_WORD));
    assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.builder().contextWords(List.of("ab")));
  }

  @Test
  void unpairedSurrogateIsNotValidUnicode() {
    assertEquals(List.of(NOT_VALID_UNICODE), POLICY.check("vivid-otter-\uD83Dcarries").problems());
  }

  @Test
  void resultNeverContainsThePassword() {
    String secret = "password1234";
    PasswordCheck check = POLICY.check(secret, "me@example.com");
    assertFalse(check.toString().contains(secret));
  }

  @Test
  void settingsOutsideAsvsFailFast() {
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
        () -> PasswordPolicy.builder().minLength(7).build());
    assertTrue(tooShort.getMessage().contains("at least 8"), tooShort.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.builder().maxLength(63).build());
    assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.builder().minLength(100).maxLength(90).build());
    assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.builder().maxBytes(255).build());
    assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.builder().maxBytes(1025).build());
    assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.builder().minScore(5).build());
    assertEquals(8, PasswordPolicy.builder().minLength(8).build().minLength());
  }
}
