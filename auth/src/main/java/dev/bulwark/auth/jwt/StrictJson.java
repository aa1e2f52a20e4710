package dev.bulwark.auth.jwt;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one JSON reader for JOSE headers and claim sets: duplicate member names are an error (RFC 7515 section 4
 * lets a verifier reject them, and two parsers that keep different duplicates is a classic bypass), trailing
 * content is an error, and nesting is shallow.
 */
final class StrictJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
  }

  private StrictJson() {}

  /** The JSON object in {@code bytes}, or empty when it is not exactly one well-formed object. */
  static Optional<ObjectNode> object(byte[] bytes) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** An immutable Java view of a claim set: String, Long/Double/BigInteger, Boolean, List, Map; nulls dropped. */
  static Map<String, Object> toJava(ObjectNode object) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      Object value = value(field.getValue());
      if (value != null) {
        out.put(field.getKey(), value);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        Object value = value(element);
        if (value != null) {
          list.add(value);
        }
      }
      return Collections.unmodifiableList(list);
    }
    if (node instanceof ObjectNode nested) {
      return toJava(nested);
    }
    return null;
  }
}
