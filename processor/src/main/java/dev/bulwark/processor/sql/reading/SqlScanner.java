package dev.bulwark.processor.sql.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the binds ({@code :name}, {@code :param.component}) and identifier placeholders (<code>${name}</code>) of one
 * SQL statement. It skips string literals ({@code '...'} with {@code ''}, PostgreSQL's {@code E'...'} with
 * backslash escapes and {@code $tag$...$tag$}), quoted identifiers, line and (nested) block comments and
 * PostgreSQL's {@code ::} casts, and refuses a second statement and positional parameters. It is a lexer, not a
 * parser: enough to know exactly which characters the JDBC driver will see as parameters.
 */
final class SqlScanner {
  /** What the scan found: the statement split into parts, and the text with binds as {@code ?} and no literals. */
  record Scan(List<Part> parts, String masked) {}

  /** A piece of the statement. */
  sealed interface Part permits Text, Bind, Placeholder {}

  /** Literal SQL text, passed to the driver as written. */
  record Text(String sql) implements Part {}

  /** A {@code :name} or {@code :name.component} bind, sent as {@code ?}. */
  record Bind(String name, String component) implements Part {
    String display() {
      return component == null ? ":" + name : ":" + name + "." + component;
    }
  }

  /** An identifier placeholder, <code>${name}</code>. */
  record Placeholder(String name) implements Part {}

  /** Why the statement was refused: the kind of problem and what was found. */
  record Problem(Kind kind, String detail) {}

  /** The kinds of refusal, each a rule of its own. */
  enum Kind { MALFORMED, SEVERAL_STATEMENTS, POSITIONAL }

  /** Thrown inside the scanner only, and always caught by {@link #scan}. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    Refused(Kind kind, String detail) {
      super(detail, null, false, false);
      this.problem = new Problem(kind, detail);
    }
  }

  private final String sql;
  private final List<Part> parts = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder masked = new StringBuilder();
  private int i;

  private SqlScanner(String sql) {
    this.sql = sql;
  }

  /** The scan of {@code sql}, or the problem that makes it unusable. */
  static Object scan(String sql) {
    SqlScanner scanner = new SqlScanner(sql);
    try {
      scanner.run();
      return new Scan(List.copyOf(scanner.parts), scanner.masked.toString());
    } catch (Refused e) {
      return e.problem;
    }
  }

  private void run() throws Refused {
    if (sql.isBlank()) {
      throw new Refused(Kind.MALFORMED, "the statement is empty");
    }
    while (i < sql.length()) {
      char c = sql.charAt(i);
      char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
      if (c == '\'') {
        boolean backslashes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
            && (i < 2 || !identifierPart(sql.charAt(i - 2)));
        literal('\'', backslashes, "a string literal");
      } else if (c == '"') {
        literal('"', false, "a quoted identifier");
      } else if (c == '-' && next == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        copy(end, true);
      } else if (c == '/' && next == '*') {
        blockComment();
      } else if (c == '$' && next == '{') {
        placeholder();
      } else if (c == '$' && Character.isDigit(next)) {
        throw new Refused(Kind.POSITIONAL, "$" + next);
      } else if (c == '$' && (i == 0 || !identifierPart(sql.charAt(i - 1))) && dollarQuote()) {
        continue;
      } else if (c == ':' && next == ':') {
        copy(i + 2, false);
      } else if (c == ':' && identifierStart(next)) {
        bind();
      } else if (c == '?') {
        throw new Refused(Kind.POSITIONAL, "?");
      } else if (c == ';') {
        semicolon();
      } else {
        copy(i + 1, false);
      }
    }
    flush();
  }

  private void literal(char quote, boolean backslashes, String what) throws Refused {
    int start = i;
    int j = i + 1;
    while (true) {
      if (j >= sql.length()) {
        throw new Refused(Kind.MALFORMED, what + " that is never closed");
      }
      char c = sql.charAt(j);
      if (backslashes && c == '\\') {
        j += 2;
      } else if (c == quote && j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
        j += 2;
      } else if (c == quote) {
        break;
      } else {
        j++;
      }
    }
    text.append(sql, start, j + 1);
    // The masked text keeps the quotes but none of the content, so later reading can't be fooled by it.
    masked.append(quote).append("_".repeat(Math.max(0, j - start - 1))).append(quote);
    i = j + 1;
  }

  private void blockComment() throws Refused {
    int depth = 0;
    int j = i;
    do {
      if (j + 1 >= sql.length()) {
        throw new Refused(Kind.MALFORMED, "a /* comment that is never closed");
      }
      if (sql.charAt(j) == '/' && sql.charAt(j + 1) == '*') {
        depth++; // PostgreSQL nests block comments; reading them nested is the cautious choice for H2 too
        j += 2;
      } else if (sql.charAt(j) == '*' && sql.charAt(j + 1) == '/') {
        depth--;
        j += 2;
      } else {
        j++;
      }
    } while (depth > 0);
    copy(j, true);
  }

  /** A PostgreSQL dollar-quoted string, {@code $$...$$} or {@code $tag$...$tag$}; false if this is no such quote. */
  private boolean dollarQuote() throws Refused {
    int j = i + 1;
    while (j < sql.length() && identifierPart(sql.charAt(j)) && sql.charAt(j) != '$') {
      j++;
    }
    if (j >= sql.length() || sql.charAt(j) != '$' || (j > i + 1 && !identifierStart(sql.charAt(i + 1)))) {
      return false;
    }
    String tag = sql.substring(i, j + 1);
    int close = sql.indexOf(tag, j + 1);
    if (close < 0) {
      throw new Refused(Kind.MALFORMED, "a " + tag + " quoted string that is never closed");
    }
    int end = close + tag.length();
    text.append(sql, i, end);
    masked.append('\'').append("_".repeat(end - i - 2)).append('\'');
    i = end;
    return true;
  }

  private void placeholder() throws Refused {
    int close = sql.indexOf('}', i);
    String name = close < 0 ? "" : sql.substring(i + 2, close);
    if (!identifier(name)) {
      throw new Refused(Kind.MALFORMED, "an identifier placeholder '" + sql.substring(i, close < 0 ? sql.length() : close + 1)
          + "' that is not ${name}");
    }
    flush();
    parts.add(new Placeholder(name));
    masked.append("${").append(name).append('}');
    i = close + 1;
  }

  private void bind() {
    int j = name(i + 1);
    String name = sql.substring(i + 1, j);
    String component = null;
    if (j + 1 < sql.length() && sql.charAt(j) == '.' && identifierStart(sql.charAt(j + 1))) {
      int k = name(j + 1);
      component = sql.substring(j + 1, k);
      j = k;
    }
    flush();
    parts.add(new Bind(name, component));
    masked.append('?');
    i = j;
  }

  private void semicolon() throws Refused {
    int j = i + 1;
    while (j < sql.length()) {
      if (Character.isWhitespace(sql.charAt(j))) {
        j++;
      } else if (sql.startsWith("--", j)) {
        int end = sql.indexOf('\n', j);
        j = end < 0 ? sql.length() : end;
      } else {
        throw new Refused(Kind.SEVERAL_STATEMENTS, "a ';' followed by more SQL");
      }
    }
    i = sql.length(); // one trailing ';' ends the statement; it is not sent
  }

  private int name(int from) {
    int j = from;
    while (j < sql.length() && identifierPart(sql.charAt(j)) && sql.charAt(j) != '$') {
      j++;
    }
    return j;
  }

  private void copy(int end, boolean comment) {
    text.append(sql, i, end);
    if (comment) {
      masked.append(" ".repeat(end - i));
    } else {
      masked.append(sql, i, end);
    }
    i = end;
  }

  private void flush() {
    if (text.length() > 0) {
      parts.add(new Text(text.toString()));
      text.setLength(0);
    }
  }

  static boolean identifier(String s) {
    if (s.isEmpty() || !identifierStart(s.charAt(0))) {
      return false;
    }
    for (int k = 1; k < s.length(); k++) {
      if (!identifierPart(s.charAt(k)) || s.charAt(k) == '$') {
        return false;
      }
    }
    return true;
  }

  private static boolean identifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean identifierPart(char c) {
    return identifierStart(c) || (c >= '0' && c <= '9') || c == '$';
  }
}
