package dev.bulwark.processor.openapi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as indented JSON with every object's keys in
 * sorted order, so the same tree always gives the same bytes. A {@link SchemaRef} is written as the JSON Pointer of
 * its component, named by the function the caller passes (names are only known once every API is read).
 *
 * <p>The processor writes JSON itself rather than through Jackson because it depends on the annotations and JavaPoet
 * only; escaping follows RFC 8259 and is tested against Jackson's parser.
 */
public final class JsonText {
  private final Function<String, String> componentName;
  private final StringBuilder out = new StringBuilder();

  private JsonText(Function<String, String> componentName) {
    this.componentName = componentName;
  }

  /** The tree as JSON text, ending in a newline. */
  public static String write(Object tree, Function<String, String> componentName) {
    JsonText text = new JsonText(componentName);
    text.value(tree, 0);
    return text.out.append('\n').toString();
  }

  /** The tree as JSON text; a {@link SchemaRef} in it is an error. */
  public static String write(Object tree) {
    return write(tree, name -> {
      throw new IllegalArgumentException("unresolved schema reference " + name);
    });
  }

  private void value(Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof BigDecimal d) {
      out.append(d.toString());
    } else if (value instanceof SchemaRef ref) {
      string("#/components/schemas/" + componentName.apply(ref.qualifiedName()), out);
    } else if (value instanceof Map<?, ?> map) {
      object(map, depth);
    } else if (value instanceof Collection<?> list) {
      array(list, depth);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private void object(Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    List<String> keys = new ArrayList<>();
    for (Object key : map.keySet()) {
      keys.add((String) key);
    }
    keys.sort(null);
    out.append('{');
    for (int i = 0; i < keys.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      indent(depth + 1);
      string(keys.get(i), out);
      out.append(": ");
      value(map.get(keys.get(i)), depth + 1);
    }
    out.append('\n');
    indent(depth);
    out.append('}');
  }

  private void array(Collection<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    int i = 0;
    for (Object item : list) {
      out.append(i++ == 0 ? "\n" : ",\n");
      indent(depth + 1);
      value(item, depth + 1);
    }
    out.append('\n');
    indent(depth);
    out.append(']');
  }

  private void indent(int depth) {
    out.append("  ".repeat(depth));
  }

  /**
   * A JSON string: quote, backslash and the control characters escaped (RFC 8259 section 7), DEL, lone
   * surrogates (which UTF-8 cannot carry), and U+2028 and U+2029, so the text is also safe to embed in
   * JavaScript. Everything else is written as it is, in UTF-8.
   */
  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
