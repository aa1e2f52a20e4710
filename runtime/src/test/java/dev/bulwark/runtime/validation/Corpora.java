package dev.bulwark.runtime.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the corpus files copied under src/test/resources/corpora, exactly (strict UTF-8, no replacement). */
public final class Corpora {
  private Corpora() {}

  /** Every line of a corpus file, empty lines included, split on LF with a trailing CR removed. */
  public static List<String> lines(String resource) {
    try (InputStream in = Corpora.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(in.readAllBytes()))
          .toString();
      return text.lines().toList();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("corpus " + resource + " is not valid UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
