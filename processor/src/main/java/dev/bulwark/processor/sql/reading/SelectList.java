package dev.bulwark.processor.sql.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the column labels of a SELECT when they can be known without a database: every item is a plain
 * (optionally qualified) column, or an expression with an alias. Anything else ({@code *}, an expression without an
 * alias, a quoted identifier, a placeholder) makes the list unknown, and the checks that need it are skipped. Works
 * on the scanner's masked text, where literals and comments can no longer look like SQL.
 */
final class SelectList {
  private static final String IDENT = "[A-Za-z_][A-Za-z0-9_]*";
  private static final Pattern COLUMN = Pattern.compile("(?:" + IDENT + "\\.)*(" + IDENT + ")");
  private static final Pattern ALIASED = Pattern.compile("(?s).+\\s+(?i:AS)\\s+(" + IDENT + ")");
  private static final Pattern IMPLICIT = Pattern.compile("(?:" + IDENT + "\\.)*" + IDENT + "\\s+(" + IDENT + ")");
  private static final List<String> NOT_NAMES = List.of("null", "true", "false", "distinct", "all", "case", "end");

  private SelectList() {}

  /** The first keyword of the statement, upper case ({@code SELECT}, {@code INSERT}, {@code WITH} ...). */
  static String firstKeyword(String masked) {
    Matcher m = Pattern.compile("^[\\s(]*(" + IDENT + ")").matcher(masked);
    return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
  }

  /** The labels, lower case and in order, when every item of the select list has a known one. */
  static Optional<List<String>> labels(String masked) {
    String s = masked.strip();
    Matcher select = Pattern.compile("^(?i:SELECT)\\s+((?i:DISTINCT|ALL)\\s+)?").matcher(s);
    if (!select.find() || s.regionMatches(true, select.end(), "ON", 0, 2) && select.group(1) != null) {
      return Optional.empty();
    }
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = select.end();
    int end = s.length();
    for (int j = start; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && c == ',') {
        items.add(s.substring(start, j));
        start = j + 1;
      } else if (depth == 0 && word(s, j, "FROM")) {
        end = j;
        break;
      }
    }
    items.add(s.substring(start, end));
    List<String> labels = new ArrayList<>();
    for (String raw : items) {
      Optional<String> label = label(raw.strip());
      if (label.isEmpty()) {
        return Optional.empty();
      }
      labels.add(label.get());
    }
    return Optional.of(labels);
  }

  private static Optional<String> label(String item) {
    if (item.contains("\"") || item.contains("${")) {
      return Optional.empty();
    }
    for (Pattern pattern : List.of(COLUMN, ALIASED, IMPLICIT)) {
      Matcher m = pattern.matcher(item);
      if (m.matches()) {
        String label = m.group(1).toLowerCase(Locale.ROOT);
        return NOT_NAMES.contains(label) ? Optional.empty() : Optional.of(label);
      }
    }
    return Optional.empty();
  }

  private static boolean word(String s, int at, String word) {
    return s.regionMatches(true, at, word, 0, word.length())
        && (at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)) && s.charAt(at - 1) != '_')
        && (at + word.length() == s.length() || !Character.isLetterOrDigit(s.charAt(at + word.length()))
            && s.charAt(at + word.length()) != '_');
  }
}
