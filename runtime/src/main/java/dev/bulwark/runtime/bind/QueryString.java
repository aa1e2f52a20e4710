package dev.bulwark.runtime.bind;

import dev.bulwark.runtime.http.HttpProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed query string. Both servers parse the raw query here, the same way, with a bound on how many parameters a
 * request may carry. A malformed escape is a 400 naming the query, never a silently different value.
 */
public final class QueryString {
  private static final QueryString EMPTY = new QueryString(Map.of());

  private final Map<String, List<String>> values;

  private QueryString(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Parses a raw query ({@code a=1&b=x%20y}); {@code null} or empty gives no parameters. */
  public static QueryString parse(String rawQuery, int maxParameters) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return EMPTY;
    }
    Map<String, List<String>> values = new HashMap<>();
    int count = 0;
    int start = 0;
    int length = rawQuery.length();
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        if (++count > maxParameters) {
          throw HttpProblem.badField("query", "has more than " + maxParameters + " parameters");
        }
        String pair = rawQuery.substring(start, end);
        int eq = pair.indexOf('=');
        String name;
        String value;
        try {
          name = PercentDecoding.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
          value = eq < 0 ? "" : PercentDecoding.decodeQuery(pair.substring(eq + 1));
        } catch (IllegalArgumentException e) {
          throw HttpProblem.badField("query", "is not validly encoded");
        }
        values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      start = end + 1;
    }
    return new QueryString(values);
  }

  /** Every value of a parameter, in order; empty when absent. */
  public List<String> all(String name) {
    List<String> list = values.get(name);
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  /**
   * The single value of a parameter, or {@code null} when absent. A parameter sent twice is a 400: HTTP parameter
   * pollution relies on two layers picking different copies.
   */
  public String single(String name) {
    List<String> list = values.get(name);
    if (list == null) {
      return null;
    }
    if (list.size() > 1) {
      throw HttpProblem.badField("query." + name, "must be given once");
    }
    return list.get(0);
  }
}
