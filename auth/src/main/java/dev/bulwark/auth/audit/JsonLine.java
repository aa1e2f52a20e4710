package dev.bulwark.auth.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * Writes an {@link AuditEvent} as one JSON object on one line, through Jackson. Besides JSON's own escapes
 * (every C0 control, quote and backslash), DEL, C1 controls, Unicode line and paragraph separators and format
 * characters (bidirectional overrides, zero-width characters) are written as {@code \\uXXXX}, so no value can
 * break the line, fake a second one or reorder what a reader sees.
 */
final class JsonLine {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final CharacterEscapes ESCAPES = new LineSafeEscapes();

  private JsonLine() {}

  static String write(Instant at, AuditEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setCharacterEscapes(ESCAPES);
      json.writeStartObject();
      json.writeStringField("ts", at.toString());
      json.writeStringField("event", event.type().name());
      json.writeStringField("outcome", event.outcome().name());
      field(json, "request_id", Redactor.clean(event.requestId()));
      field(json, "principal", Redactor.identifier(event.principalId(), Redactor.MAX_VALUE_CHARS));
      field(json, "client_ip", Redactor.identifier(event.clientIp(), 64));
      field(json, "reason", event.reason());
      field(json, "target", Redactor.clean(event.target()));
      if (!event.details().isEmpty()) {
        json.writeObjectFieldStart("detail");
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
          String value = AuditEvent.namesSecret(detail.getKey()) ? Redactor.REDACTED : Redactor.clean(detail.getValue());
          json.writeStringField(detail.getKey(), value);
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException("writing to a StringWriter failed", impossible);
    }
    return out.toString();
  }

  private static void field(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  /** JSON's standard escapes, plus DEL and every non-ASCII control, separator or format character. */
  private static final class LineSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    LineSafeEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      int type = Character.getType(ch);
      boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
          || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
      return unsafe ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }
}
