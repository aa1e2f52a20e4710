package dev.bulwark.processor.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model record as a JSON object of its components, read through the record's own accessors. Used for the models
 * that grow while other features land (a rate limit gains tiers and shared names): a component added to the record
 * shows up in the inventory and the document without a change here. This runs in the compiler, never on a request.
 */
public final class ModelFields {
  private ModelFields() {}

  /** Every component of the record: strings, numbers and booleans as they are, lists item by item, others as text. */
  public static Map<String, Object> of(Record record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        out.put(component.getName(), plain(component.getAccessor().invoke(record)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
      }
    }
    return out;
  }

  private static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long) {
      return value;
    }
    if (value instanceof Double || value instanceof Float) {
      return java.math.BigDecimal.valueOf(((Number) value).doubleValue());
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Record r) {
      return of(r);
    }
    if (value instanceof Collection<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(plain(item)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    return value.toString();
  }
}
