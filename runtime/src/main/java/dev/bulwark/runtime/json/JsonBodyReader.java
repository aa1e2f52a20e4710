package dev.bulwark.runtime.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.bulwark.runtime.http.HttpProblem;
import java.io.IOException;

/**
 * Reads one body type strictly. Any failure is a 400 whose field list names where the document went wrong (built
 * from declared property names only) and never repeats what was sent; Jackson's message goes to the server log.
 */
public final class JsonBodyReader<T> {
  private final ObjectReader reader;

  JsonBodyReader(ObjectReader reader) {
    this.reader = reader;
  }

  /** The parsed value; an empty or {@code null} document is a 400 too. */
  public T read(byte[] body) {
    T value;
    try {
      value = reader.readValue(body);
    } catch (UnrecognizedPropertyException e) {
      throw HttpProblem.badRequest(
          java.util.List.of(new HttpProblem.FieldError(JsonPaths.of(e.getPath(), true), "is not a known property")),
          "unknown property: " + JsonPaths.logSafe(e.getOriginalMessage()));
    } catch (StreamConstraintsException e) {
      throw HttpProblem.badField("body", "exceeds a size or depth limit");
    } catch (JsonMappingException e) {
      throw HttpProblem.badRequest(
          java.util.List.of(new HttpProblem.FieldError(JsonPaths.of(e.getPath(), false), "has the wrong type or is malformed")),
          "body mapping: " + JsonPaths.logSafe(e.getOriginalMessage()));
    } catch (JacksonException e) {
      throw HttpProblem.badRequest(
          java.util.List.of(new HttpProblem.FieldError("body", "is not valid JSON")),
          "body syntax: " + JsonPaths.logSafe(e.getOriginalMessage()));
    } catch (IOException e) {
      throw HttpProblem.badField("body", "could not be read");
    }
    if (value == null) {
      throw HttpProblem.badField("body", "is required");
    }
    return value;
  }
}
