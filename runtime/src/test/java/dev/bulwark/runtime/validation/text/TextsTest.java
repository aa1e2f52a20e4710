package dev.bulwark.runtime.validation.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.runtime.validation.Corpora;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {
  private static final Set<String> FIXED_MESSAGES = Set.of(
      "text " + Texts.CONTROL_CHARACTER, "text " + Texts.LONE_SURROGATE, "text " + Texts.NONCHARACTER);

  @Test
  void composesToNfc() {
    assertEquals("\u00e9", Texts.normalize("e\u0301", false));
    assertEquals("\uac00", Texts.normalize("\u1100\u1161", false));
    assertEquals("\u00c5", Texts.normalize("\u212b", false), "the Angstrom sign is canonically A with ring");
  }

  @Test
  void changesNothingElse() {
    String value = "  MiXeD Case \t tabs\nnew lines\r\n ﬁ ² ｆｕｌｌ  ";
    assertSame(value, Texts.normalize(value, false), "no trimming, no case folding, no compatibility folding");
    assertNull(Texts.normalize(null, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u009fb", "\u000b", "\f"})
  void refusesControlCharactersUnlessAllowed(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Texts.normalize(value, false));
    assertEquals("text " + Texts.CONTROL_CHARACTER, e.getMessage());
    assertEquals(Optional.of(Texts.CONTROL_CHARACTER), Texts.problem(value, false));
    assertEquals(value, Texts.normalize(value, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\ud800b", "a\udc00b", "\ud83d", "\ude00x", "\ude00\ud83d"})
  void refusesLoneSurrogatesEvenWhenControlsAreAllowed(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Texts.normalize(value, true));
    assertEquals("text " + Texts.LONE_SURROGATE, e.getMessage());
    assertFalse(Texts.isWellFormed(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\ufffe", "a\uffffb", "\ufdd0", "\ufdef", "\ud83f\udffe", "\udbff\udfff"})
  void refusesNoncharacters(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Texts.normalize(value, true));
    assertEquals("text " + Texts.NONCHARACTER, e.getMessage());
    assertTrue(Texts.isWellFormed(value), "well-formed UTF-16 all the same");
  }

  @Test
  void keepsWhatIsNeitherControlNorNoncharacter() {
    for (String value : List.of("\ufdcf", "\ufdf0", "\ufffd", "\ud83d\ude00", "\u200b\u202e", "\ufeff")) {
      assertEquals(Optional.empty(), Texts.problem(value, false), value);
    }
  }

  @Test
  void isWellFormedMeansPairedSurrogates() {
    assertTrue(Texts.isWellFormed(""));
    assertTrue(Texts.isWellFormed("a\ud83d\ude00b"));
    assertFalse(Texts.isWellFormed(null));
  }

  @Test
  void decodesUtf8Strictly() {
    assertEquals("é😀", Texts.decodeUtf8("é😀".getBytes(StandardCharsets.UTF_8)));
    for (byte[] bad : List.of(
        new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0xaf},
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {'a', (byte) 0x80, 'b'})) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Texts.decodeUtf8(bad));
      assertEquals("text " + Texts.INVALID_UTF8, e.getMessage());
    }
  }

  /** Every Big List of Naughty Strings line: NFC and idempotent, or one of the documented refusals. */
  @Test
  void theBigListOfNaughtyStrings() {
    List<String> lines = Corpora.lines("/corpora/blns/blns.txt");
    assertTrue(lines.size() > 600, "corpus read whole");
    List<String> failures = new ArrayList<>();
    int refused = 0;
    for (String line : lines) {
      for (boolean allowControl : new boolean[] {false, true}) {
        String once;
        try {
          once = Texts.normalize(line, allowControl);
        } catch (IllegalArgumentException e) {
          refused++;
          if (!FIXED_MESSAGES.contains(e.getMessage())) {
            failures.add("unexpected message " + e.getMessage());
          }
          continue;
        }
        if (!once.equals(Texts.normalize(once, allowControl))) {
          failures.add("not idempotent: " + line);
        }
        if (!java.text.Normalizer.isNormalized(once, java.text.Normalizer.Form.NFC)) {
          failures.add("not NFC: " + line);
        }
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(refused > 0, "the corpus has control characters, so some lines must be refused");
  }
}
