package dev.bulwark.auth.password;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Password rules from ASVS 5.0 V6.2: a length range counted in code points, no composition rules, the
 * password taken exactly as typed, and common, weak or personal passwords refused.
 *
 * <p>Strength comes from zxcvbn4j, whose bundled lists include about 30,000 common passwords (ASVS 6.2.4
 * asks for at least the top 3,000); an application blocklist and context words (6.2.11) add to it. Breached
 * password services (6.2.12) are not called here. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * PasswordPolicy policy = PasswordPolicy.builder().contextWords(List.of("bulwark")).build();
 * PasswordCheck check = policy.check(password, email, displayName);
 * if (!check.ok()) { return badRequest(check.problems()); }
 * }</pre>
 */
public final class PasswordPolicy {

  /** The smallest minimum length allowed (ASVS 6.2.1). */
  public static final int LOWEST_MIN_LENGTH = 8;
  /** The smallest maximum length allowed (ASVS 6.2.9). */
  public static final int LOWEST_MAX_LENGTH = 64;

  // A piece of user data shorter than this (a two-letter name, an "a@b" local part) matches too much.
  private static final int MIN_USER_DATA_PIECE = 3;
  private static final Zxcvbn ZXCVBN = new Zxcvbn();

  private final int minLength;
  private final int maxLength;
  private final int maxBytes;
  private final int minScore;
  private final Set<String> blocklist;
  private final List<String> contextWords;

  private PasswordPolicy(Builder b) {
    this.minLength = b.minLength;
    this.maxLength = b.maxLength;
    this.maxBytes = b.maxBytes;
    this.minScore = b.minScore;
    this.blocklist = Set.copyOf(b.blocklist);
    this.contextWords = List.copyOf(b.contextWords);
  }

  /** The defaults: 12 to 128 code points, 512 bytes, zxcvbn score 3 or more. */
  public static PasswordPolicy defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The minimum length in code points. */
  public int minLength() {
    return minLength;
  }

  /** The maximum length in code points. */
  public int maxLength() {
    return maxLength;
  }

  /**
   * Checks {@code password} as typed. {@code userData} are the account's own values (e-mail, name,
   * username); the password may not contain any of them or their parts.
   */
  public PasswordCheck check(CharSequence password, String... userData) {
    Objects.requireNonNull(password, "password");
    Set<PasswordProblem> problems = EnumSet.noneOf(PasswordProblem.class);
    String text = password.toString();
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints < minLength) {
      problems.add(PasswordProblem.TOO_SHORT);
    }
    if (codePoints > maxLength || text.length() > maxBytes) {
      // zxcvbn's matching grows faster than linearly: never run it on an oversized input.
      problems.add(PasswordProblem.TOO_LONG);
      return new PasswordCheck(List.copyOf(problems));
    }
    if (!validUnicode(text)) {
      problems.add(PasswordProblem.NOT_VALID_UNICODE);
      return new PasswordCheck(List.copyOf(problems));
    }
    if (PasswordHasher.utf8(text).map(bytes -> bytes.length > maxBytes).orElse(true)) {
      problems.add(PasswordProblem.TOO_LONG);
      return new PasswordCheck(List.copyOf(problems));
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (blocklist.contains(lower)) {
      problems.add(PasswordProblem.TOO_COMMON);
    }
    List<String> pieces = userDataPieces(userData);
    if (pieces.stream().anyMatch(lower::contains)) {
      problems.add(PasswordProblem.CONTAINS_USER_DATA);
    }
    if (contextWords.stream().anyMatch(lower::contains)) {
      problems.add(PasswordProblem.CONTAINS_CONTEXT_WORD);
    }
    List<String> inputs = new ArrayList<>(pieces);
    inputs.addAll(contextWords);
    Strength strength = ZXCVBN.measure(text, inputs);
    try {
      if (isCommonPassword(strength, text.length())) {
        problems.add(PasswordProblem.TOO_COMMON);
      } else if (strength.getScore() < minScore) {
        problems.add(PasswordProblem.TOO_WEAK);
      }
    } finally {
      strength.wipe();
    }
    return new PasswordCheck(List.copyOf(problems));
  }

  // One dictionary match from zxcvbn's "passwords" list that spans the whole input, l33t or reversed included.
  private static boolean isCommonPassword(Strength strength, int length) {
    List<Match> sequence = strength.getSequence();
    if (sequence.size() != 1) {
      return false;
    }
    Match match = sequence.get(0);
    return "passwords".equals(match.dictionaryName) && match.i == 0 && match.j == length - 1;
  }

  private static boolean validUnicode(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  // The whole value and its words, lower-cased; for an e-mail address the local part and its words (the
  // domain is left out, or every password containing "gmail" or "com" would be refused).
  private static List<String> userDataPieces(String... userData) {
    Set<String> pieces = new LinkedHashSet<>();
    if (userData != null) {
      for (String value : userData) {
        if (value == null || value.isBlank()) {
          continue;
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        pieces.add(lower);
        int at = lower.lastIndexOf('@');
        String words = at > 0 ? lower.substring(0, at) : lower;
        pieces.add(words);
        for (String part : words.split("[^\\p{L}\\p{N}]+")) {
          pieces.add(part);
        }
      }
    }
    pieces.removeIf(piece -> piece.codePointCount(0, piece.length()) < MIN_USER_DATA_PIECE);
    return List.copyOf(pieces);
  }

  /** Builds a {@link PasswordPolicy}; {@link #build()} fails fast on settings ASVS does not allow. */
  public static final class Builder {
    private int minLength = 12;
    private int maxLength = 128;
    private int maxBytes = 512;
    private int minScore = 3;
    private final Set<String> blocklist = new LinkedHashSet<>();
    private final List<String> contextWords = new ArrayList<>();

    private Builder() {}

    /** The minimum length in code points, at least 8 (default 12). */
    public Builder minLength(int codePoints) {
      this.minLength = codePoints;
      return this;
    }

    /** The maximum length in code points, at least 64 (default 128). */
    public Builder maxLength(int codePoints) {
      this.maxLength = codePoints;
      return this;
    }

    /** The maximum UTF-8 size, from 256 (64 four-byte code points) to 1024 bytes (default 512). */
    public Builder maxBytes(int bytes) {
      this.maxBytes = bytes;
      return this;
    }

    /** The lowest zxcvbn score accepted, 0 to 4 (default 3); 0 keeps only the common-password check. */
    public Builder minScore(int score) {
      this.minScore = score;
      return this;
    }

    /** Passwords refused outright, compared case-insensitively with the whole password. */
    public Builder blocklist(Collection<String> passwords) {
      passwords.forEach(p -> blocklist.add(p.toLowerCase(Locale.ROOT)));
      return this;
    }

    /** Words of this application (its name, its domain) that no password may contain. */
    public Builder contextWords(Collection<String> words) {
      for (String word : words) {
        if (word.codePointCount(0, word.length()) < MIN_USER_DATA_PIECE) {
          throw new IllegalArgumentException("context words must have at least " + MIN_USER_DATA_PIECE
              + " characters (was \"" + word + "\")");
        }
        contextWords.add(word.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** The policy. */
    public PasswordPolicy build() {
      if (minLength < LOWEST_MIN_LENGTH) {
        throw new IllegalArgumentException("PasswordPolicy minLength must be at least " + LOWEST_MIN_LENGTH
            + " (ASVS 6.2.1; was " + minLength + ")");
      }
      if (maxLength < LOWEST_MAX_LENGTH || maxLength < minLength) {
        throw new IllegalArgumentException("PasswordPolicy maxLength must be at least " + LOWEST_MAX_LENGTH
            + " (ASVS 6.2.9) and at least minLength (was " + maxLength + ")");
      }
      if (maxBytes < 4 * LOWEST_MAX_LENGTH || maxBytes > PasswordHasher.MAX_PASSWORD_BYTES) {
        throw new IllegalArgumentException("PasswordPolicy maxBytes must be between " + 4 * LOWEST_MAX_LENGTH
            + " and " + PasswordHasher.MAX_PASSWORD_BYTES + " (was " + maxBytes + ")");
      }
      if (minScore < 0 || minScore > 4) {
        throw new IllegalArgumentException("PasswordPolicy minScore must be 0 to 4 (was " + minScore + ")");
      }
      return new PasswordPolicy(this);
    }
  }
}
