package dev.bulwark.fuzz;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The field paths a 400 about a body may name: declared component names only, never what the client made up. */
final class FieldPaths {
  private FieldPaths() {}

  /** {@code body}, then any chain of the record's component names (or {@code *}) and list indexes. */
  static Pattern forBody(Class<?> type) {
    StringBuilder names = new StringBuilder("\\*");
    for (String name : componentNames(type)) {
      names.append('|').append(Pattern.quote(name));
    }
    return Pattern.compile("body(\\.(" + names + ")|\\[[0-9]{1,9}\\])*");
  }

  private static Set<String> componentNames(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      names.add(component.getName());
      if (component.getType().isRecord()) {
        names.addAll(componentNames(component.getType()));
      }
    }
    return names;
  }
}
