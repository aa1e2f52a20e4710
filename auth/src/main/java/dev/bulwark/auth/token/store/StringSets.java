package dev.bulwark.auth.token.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Roles and scopes as a JSON array of strings in one column or hash field. JSON rather than a separator,
 * because a role is any string: no value can break out of its slot or merge with its neighbour.
 */
final class StringSets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StringSets() {}

  /** Sorted, so the same set is always stored as the same text. */
  static String encode(Set<String> values) {
    try {
      return JSON.writeValueAsString(new TreeSet<>(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not encode a set of strings", e);
    }
  }

  /** The set written by {@link #encode}; anything else is a corrupt row and fails closed. */
  static Set<String> decode(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isArray()) {
        throw new IllegalStateException("a stored role or scope set is not a JSON array");
      }
      Set<String> values = new LinkedHashSet<>();
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw new IllegalStateException("a stored role or scope set holds a non-string");
        }
        values.add(item.asText());
      }
      return values;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored role or scope set is not valid JSON", e);
    }
  }
}
