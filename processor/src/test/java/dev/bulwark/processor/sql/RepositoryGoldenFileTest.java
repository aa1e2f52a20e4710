package dev.bulwark.processor.sql;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import javax.tools.StandardLocation;

/**
 * The generated repository compared as exact text with its golden file. Run with
 * {@code -Dbulwark.golden.update=true} to rewrite it after an intended change, then review the diff.
 */
class RepositoryGoldenFileTest {
  private static final boolean UPDATE = Boolean.getBoolean("bulwark.golden.update");

  @Test
  void generatedRepositoryMatchesTheGoldenFile() throws IOException {
    String actual = generate();
    Path golden = Paths.get(System.getProperty("bulwark.golden.dir", "src/test/resources/golden"), "PostStore_Jdbc.java");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        "generated code changed; rerun with -Dbulwark.golden.update=true if that was intended");
  }

  @Test
  void outputIsDeterministic() throws IOException {
    assertEquals(generate(), generate());
  }

  private static String generate() throws IOException {
    Compilation compilation = SqlCompilations.compile(SqlCompilations.fixture("PostStore"));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "example/PostStore_Jdbc.java").orElseThrow()
        .getCharContent(true).toString();
  }
}
