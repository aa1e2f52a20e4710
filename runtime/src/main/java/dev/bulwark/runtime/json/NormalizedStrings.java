package dev.bulwark.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.bulwark.runtime.validation.text.Texts;
import java.io.IOException;

/**
 * Every string in a request body, normalized as every text input is ({@link Texts#normalize}: NFC, control
 * characters other than tab, CR and LF refused, lone surrogates and noncharacters refused). Parsing is Jackson's own;
 * this only looks at the finished value. A refused value is a mapping error, so the 400 names its field.
 */
final class NormalizedStrings extends StdScalarDeserializer<String> {
  private static final long serialVersionUID = 1L;

  private NormalizedStrings() {
    super(String.class);
  }

  static SimpleModule module() {
    return new SimpleModule("bulwark-normalized-strings").addDeserializer(String.class, new NormalizedStrings());
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String value = StringDeserializer.instance.deserialize(p, ctxt);
    if (value == null) {
      return null;
    }
    try {
      return Texts.normalize(value, false);
    } catch (IllegalArgumentException e) {
      return (String) ctxt.handleWeirdStringValue(String.class, value, "not acceptable text");
    }
  }
}
