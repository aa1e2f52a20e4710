package dev.bulwark.processor.sql;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Compiles test sources with the repository processor. */
final class SqlCompilations {
  private SqlCompilations() {}

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new RepositoryProcessor()).compile(sources);
  }

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  static JavaFileObject fixture(String name) {
    return JavaFileObjects.forResource("fixtures/sql/" + name + ".java");
  }
}
