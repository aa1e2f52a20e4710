package dev.bulwark.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated routes compared as exact text with golden files named after the generated class. Run with
 * {@code -Dbulwark.golden.update=true} to rewrite the golden files after an intended change, then review the diff.
 */
class GoldenFileTest {
  private static final boolean UPDATE = Boolean.getBoolean("bulwark.golden.update");

  @ParameterizedTest
  @CsvSource({"PostsApi, example.PostsApi_Routes", "RootApi, example.RootApi_Routes",
      "PostsApi, example.PostsApi_NewPost_Validator", "PostsApi, example.PostsApi_Author_Validator"})
  void generatedRoutesMatchTheGoldenFile(String fixture, String generated) throws IOException {
    Compilation compilation = Compilations.compile(Compilations.fixture(fixture));
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject file = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT,
        generated.replace('.', '/') + ".java").orElseThrow();
    String actual = file.getCharContent(true).toString();
    Path golden = Paths.get(System.getProperty("bulwark.golden.dir", "src/test/resources/golden"),
        generated.substring(generated.lastIndexOf('.') + 1) + ".java");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        "generated code changed; rerun with -Dbulwark.golden.update=true if that was intended");
  }

  @ParameterizedTest
  @CsvSource({"PostsApi, example/PostsApi_Routes.java"})
  void outputIsDeterministic(String fixture, String generated) throws IOException {
    String first = Compilations.compile(Compilations.fixture(fixture))
        .generatedFile(StandardLocation.SOURCE_OUTPUT, generated).orElseThrow().getCharContent(true).toString();
    String second = Compilations.compile(Compilations.fixture(fixture))
        .generatedFile(StandardLocation.SOURCE_OUTPUT, generated).orElseThrow().getCharContent(true).toString();
    assertEquals(first, second);
  }
}
