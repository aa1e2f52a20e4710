package dev.bulwark.processor.openapi;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.bulwark.processor.BulwarkProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles the report fixtures (two APIs in two packages) and reads what the processor wrote to the class output. */
public final class Fixtures {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  public static JavaFileObject fixture(String name) {
    return JavaFileObjects.forResource("fixtures/openapi/" + name + ".java");
  }

  /** The library and shelf APIs, compiled; the compilation must succeed. */
  public static Compilation compileLibrary() {
    Compilation compilation = compile(fixture("LibraryApi"), fixture("ShelfApi"));
    assertThat(compilation).succeeded();
    return compilation;
  }

  public static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new BulwarkProcessor()).compile(sources);
  }

  /** A resource the processor wrote, or empty. */
  public static Optional<String> resource(Compilation compilation, String path) {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).map(file -> {
      try {
        return file.getCharContent(true).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public static JsonNode json(Compilation compilation, String path) {
    try {
      return JSON.readTree(resource(compilation, path).orElseThrow(() -> new AssertionError("not written: " + path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
