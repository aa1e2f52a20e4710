package dev.bulwark.runtime.validation.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * The one normalization every bound text input gets: Unicode NFC, after refusing what no text field should carry.
 *
 * <p>NFC and nothing else. NFC makes the two spellings of "é" (one code point, or "e" and a combining accent) the
 * same string, so a uniqueness check, a length bound, a comparison or a search sees what a reader sees; it never
 * changes how the text looks, and it is what the web and most databases already use. It is not NFKC: that folds
 * "ﬁ" into "fi" and "²" into "2", which changes what the user wrote. No trimming and no case folding either: a
 * password, a code sample or a name must come back exactly as sent, up to the canonical equivalence NFC applies.
 *
 * <p>Refused: C0 and C1 control characters other than tab, LF and CR (unless the input allows them), which
 * corrupt logs, terminals and other parsers; lone surrogates, which have no UTF-8 encoding; and the 66 Unicode
 * noncharacters (U+FDD0..U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among them), which
 * are reserved for a program's internal use and never valid in interchange.
 */
public final class Texts {
  public static final String CONTROL_CHARACTER = "must not contain control characters";
  public static final String LONE_SURROGATE = "must not contain unpaired surrogates";
  public static final String NONCHARACTER = "must not contain Unicode noncharacters";
  public static final String INVALID_UTF8 = "is not valid UTF-8";

  private Texts() {}

  /**
   * The value in NFC; the same instance when it already is. {@code null} stays {@code null}.
   *
   * @param allowControl whether control characters other than tab, LF and CR are accepted
   * @throws IllegalArgumentException with one of this class's fixed messages when the value is refused
   */
  public static String normalize(String value, boolean allowControl) {
    Optional<String> problem = problem(value, allowControl);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("text " + problem.get());
    }
    if (value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      return value;
    }
    return Normalizer.normalize(value, Normalizer.Form.NFC);
  }

  /**
   * Why {@link #normalize} would refuse the value (one of this class's fixed reasons), or empty when it would not;
   * for callers that collect violations instead of catching.
   */
  public static Optional<String> problem(String value, boolean allowControl) {
    if (value == null) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return Optional.of(LONE_SURROGATE);
        }
        if (isNoncharacter(Character.toCodePoint(c, value.charAt(++i)))) {
          return Optional.of(NONCHARACTER);
        }
      } else if (Character.isLowSurrogate(c)) {
        return Optional.of(LONE_SURROGATE);
      } else if (isNoncharacter(c)) {
        return Optional.of(NONCHARACTER);
      } else if (!allowControl && Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return Optional.of(CONTROL_CHARACTER);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the string is well-formed UTF-16: every surrogate is part of a pair, so it has a UTF-8 encoding.
   * {@code null} is not well-formed. It says nothing about control characters or noncharacters; see
   * {@link #problem} for the whole rule.
   */
  public static boolean isWellFormed(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Decodes UTF-8 strictly: malformed or truncated sequences, overlong forms and encoded surrogates are refused
   * instead of being replaced with U+FFFD, which {@code new String(bytes, UTF_8)} would silently do.
   *
   * @throws IllegalArgumentException with the fixed message "text is not valid UTF-8"
   */
  public static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text " + INVALID_UTF8);
    }
  }

  /** U+FDD0..U+FDEF, and U+xxFFFE and U+xxFFFF in each of the 17 planes. */
  static boolean isNoncharacter(int codePoint) {
    return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
  }
}
