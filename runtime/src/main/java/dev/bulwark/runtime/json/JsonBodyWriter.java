package dev.bulwark.runtime.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Writes one declared result type; a failure is the implementation's bug and surfaces as a scrubbed 500. */
public final class JsonBodyWriter<T> {
  private final ObjectWriter writer;

  JsonBodyWriter(ObjectWriter writer) {
    this.writer = writer;
  }

  /** The JSON bytes of the value. */
  public byte[] write(T value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialize the result", e);
    }
  }
}
