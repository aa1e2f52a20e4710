package dev.bulwark.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The strict JSON codec. Unknown properties, duplicate keys, scalar coercion ({@code "1"} for an int, {@code 1} for a
 * string, {@code null} for a primitive), trailing tokens, and documents past the nesting, string, number and name
 * limits are all refused. Responses are written with the declared type's writer, so a subclass's extra fields never
 * leave the server.
 */
public final class Json {
  /** Deepest nesting a request document may have. */
  public static final int MAX_NESTING_DEPTH = 32;
  /** Longest number literal, in characters. */
  public static final int MAX_NUMBER_LENGTH = 64;
  /** Longest property name, in characters. */
  public static final int MAX_NAME_LENGTH = 256;

  private static final ObjectMapper MAPPER = build(1 << 20);

  private Json() {}

  /** The mapper; configured once, shared, thread-safe. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A reader for a non-generic body type. */
  public static <T> JsonBodyReader<T> reader(Class<T> type) {
    return new JsonBodyReader<>(MAPPER.readerFor(type));
  }

  /** A reader for a generic body type, such as {@code List<NewPost>}. */
  public static <T> JsonBodyReader<T> reader(TypeReference<T> type) {
    return new JsonBodyReader<>(MAPPER.readerFor(type));
  }

  /** A writer bound to the declared result type. */
  public static <T> JsonBodyWriter<T> writer(Class<T> type) {
    return new JsonBodyWriter<>(MAPPER.writerFor(type));
  }

  /** A writer bound to a declared generic result type. */
  public static <T> JsonBodyWriter<T> writer(TypeReference<T> type) {
    JavaType javaType = MAPPER.getTypeFactory().constructType(type);
    return new JsonBodyWriter<>(MAPPER.writerFor(javaType));
  }

  static ObjectMapper build(int maxStringLength) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxStringLength(maxStringLength)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    JsonMapper mapper = JsonMapper.builder(factory)
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(NormalizedStrings.module())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
    mapper.coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    for (LogicalType textual : new LogicalType[] {LogicalType.Textual}) {
      mapper.coercionConfigFor(textual)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
    }
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }
}
