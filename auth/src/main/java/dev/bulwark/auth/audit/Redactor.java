package dev.bulwark.auth.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a free-form value safe for a log line: credentials that can be recognised (a JWT, a Bulwark API key,
 * an Authorization value, {@code password=...}, a long random-looking run) become {@code [REDACTED]}, unpaired
 * surrogates become U+FFFD, and the length is capped. Escaping of control characters is left to the JSON writer.
 */
final class Redactor {

  static final String REDACTED = "[REDACTED]";
  static final int MAX_VALUE_CHARS = 256;

  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*)?");
  private static final Pattern API_KEY = Pattern.compile("bwk_[A-Za-z0-9_-]*");
  // Bulwark's TOTP recovery codes (xxxx-xxxx-xxxx-xxxx in the Base32 alphabet), too short for the long-run rule.
  private static final Pattern RECOVERY_CODE = Pattern.compile("(?i)\\b[a-z2-7]{4}(-[a-z2-7]{4}){3}\\b");
  private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(bearer|basic|digest|token)(\\s+)\\S+");
  private static final Pattern ASSIGNED_SECRET = Pattern.compile(
      "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token|refresh[_-]?token|"
          + "authorization|client[_-]?secret|otp)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&,;]+)");
  private static final int MIN_RANDOM_SEGMENT = 16;
  private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z0-9+/=_-]{20,}");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Redactor() {}

  /** The value with recognisable credentials replaced, made valid UTF-16 and capped. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    // Cap before matching so that a huge value costs bounded work; a secret cut at the cap is still caught by
    // the long-run rule.
    String text = value.length() > 4 * MAX_VALUE_CHARS ? value.substring(0, 4 * MAX_VALUE_CHARS) : value;
    text = wellFormed(text);
    text = JWT.matcher(text).replaceAll(REDACTED);
    text = API_KEY.matcher(text).replaceAll(REDACTED);
    text = RECOVERY_CODE.matcher(text).replaceAll(REDACTED);
    text = AUTH_SCHEME.matcher(text).replaceAll("$1$2" + Matcher.quoteReplacement(REDACTED));
    text = ASSIGNED_SECRET.matcher(text).replaceAll("$1$2" + Matcher.quoteReplacement(REDACTED));
    text = LONG_RUN.matcher(text).replaceAll(run -> Matcher.quoteReplacement(redactRun(run.group())));
    return cap(text);
  }

  /** The value made valid UTF-16 and capped, for fields that are identifiers rather than free text. */
  static String identifier(String value, int maxChars) {
    if (value == null) {
      return null;
    }
    String text = wellFormed(value.length() > maxChars ? value.substring(0, maxChars) : value);
    return text.length() > maxChars ? text.substring(0, maxChars) : text;
  }

  // A run with '/' is most likely a path ("/api/posts/<uuid>"): judge its segments one by one, so that ids in
  // paths survive while a long random segment (a standard-base64 token) does not.
  private static String redactRun(String run) {
    if (run.indexOf('/') < 0) {
      return looksRandom(run) ? REDACTED : run;
    }
    String[] segments = run.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].length() >= MIN_RANDOM_SEGMENT && looksRandom(segments[i])) {
        segments[i] = REDACTED;
      }
    }
    return String.join("/", segments);
  }

  // A long run with a digit, or with both cases, is a token or a hash; an UPPER_SNAKE word or a UUID is not.
  private static boolean looksRandom(String run) {
    if (UUID.matcher(run).matches()) {
      return false;
    }
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      digit |= c >= '0' && c <= '9';
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return digit || (upper && lower);
  }

  private static String cap(String text) {
    if (text.length() <= MAX_VALUE_CHARS) {
      return text;
    }
    int end = MAX_VALUE_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "...[truncated]";
  }

  private static String wellFormed(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
