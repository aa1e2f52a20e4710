package dev.bulwark.processor.sql;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.bulwark.processor.rules.Rule;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One negative compile per data-access rule (BW4nn): the error carries the rule id and sits in the right file on
 * the right line, marked in each source with a {@code // <-} comment.
 */
class RepositoryRulesTest {
  private static final String IMPORTS = "import dev.bulwark.annotations.*; import java.util.*; import java.time.*;\n";
  private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

  @Test
  void bw401RepositoryOnAClass() {
    expect(Rule.BW401, """
        @Repository // <-
        public class Repo {}
        """);
  }

  @Test
  void bw402MethodWithoutSql() {
    expect(Rule.BW402, """
        @Repository
        public interface Repo {
          int count(); // <-
        }
        """);
  }

  @Test
  void bw403MalformedStatements() {
    for (String sql : new String[] {"SELECT 'open FROM t", "SELECT \\\"open FROM t", "SELECT 1 /* open", "SELECT ${} FROM t",
        "SELECT $$ open", "  "}) {
      expect(Rule.BW403, """
          @Repository
          public interface Repo {
            @Sql("%s") // <-
            int a();
          }
          """.formatted(sql));
    }
  }

  @Test
  void bw404SeveralStatements() {
    expect(Rule.BW404, """
        @Repository
        public interface Repo {
          @Sql("DELETE FROM t WHERE id = :id; DROP TABLE t") // <-
          int a(long id);
        }
        """);
  }

  @Test
  void aTrailingSemicolonAndSemicolonsInLiteralsAreOneStatement() {
    Compilation compilation = SqlCompilations.compile(SqlCompilations.source("test.Repo", "package test;\n" + IMPORTS + """
        @Repository
        public interface Repo {
          @Sql("SELECT count(*) FROM t WHERE a = ';' AND b = $x$;$x$ /* ; */ AND c = :c::int -- ;\\n;")
          long a(String c);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void bw405PositionalParameters() {
    expect(Rule.BW405, """
        @Repository
        public interface Repo {
          @Sql("SELECT count(*) FROM t WHERE id = ?") // <-
          long a();
        }
        """);
    expect(Rule.BW405, """
        @Repository
        public interface Repo {
          @Sql("SELECT count(*) FROM t WHERE id = $1") // <-
          long a();
        }
        """);
  }

  @Test
  void bw406BindsWithoutParameter() {
    expect(Rule.BW406, """
        @Repository
        public interface Repo {
          @Sql("SELECT count(*) FROM t WHERE id = :idd") // <-
          long a();
        }
        """);
    String message = expect(Rule.BW406, """
        @Repository
        public interface Repo {
          record P(String title) {}
          @Sql("INSERT INTO t (title) VALUES (:p.titel)") // <-
          int a(P p);
        }
        """);
    assertTrue(message.contains("(it has title)"), message);
    expect(Rule.BW406, """
        @Repository
        public interface Repo {
          @Sql("SELECT count(*) FROM t WHERE id = :id.value") // <-
          long a(long id);
        }
        """);
  }

  @Test
  void bw407UnusedParameter() {
    expect(Rule.BW407, """
        @Repository
        public interface Repo {
          @Sql("SELECT count(*) FROM t WHERE a = ':b' -- :b")
          long a(String b); // <-
        }
        """);
  }

  @Test
  void bw408PlaceholderNotFedByAnEnum() {
    expect(Rule.BW408, """
        @Repository
        public interface Repo {
          @Sql("SELECT id FROM t ORDER BY ${sort}")
          List<Long> a(String sort); // <-
        }
        """);
    expect(Rule.BW408, """
        @Repository
        public interface Repo {
          @Sql("SELECT id FROM t ORDER BY ${sort}") // <-
          List<Long> a();
        }
        """);
  }

  @Test
  void bw409EnumTextThatIsNotAColumnList() {
    expect(Rule.BW409, """
        @Repository
        public interface Repo {
          enum Sort {
            @SqlText("id") ID,
            @SqlText("id; DROP TABLE t") EVIL // <-
          }
          @Sql("SELECT id FROM t ORDER BY ${sort}")
          List<Long> a(Sort sort);
        }
        """);
  }

  @Test
  void bw410UnsupportedBoundTypes() {
    expect(Rule.BW410, """
        @Repository
        public interface Repo {
          @Sql("SELECT id FROM t WHERE id = :ids")
          List<Long> a(List<Long> ids); // <-
        }
        """);
    expect(Rule.BW410, """
        @Repository
        public interface Repo {
          record P(Object value) {}
          @Sql("INSERT INTO t (v) VALUES (:p.value)")
          void a(P p); // <-
        }
        """);
  }

  @Test
  void bw411UnsupportedResultTypes() {
    expect(Rule.BW411, """
        @Repository
        public interface Repo {
          @Sql("SELECT id FROM t")
          Map<String, Object> a(); // <-
        }
        """);
    expect(Rule.BW411, """
        @Repository
        public interface Repo {
          record Row(long id, Object other) {}
          @Sql("SELECT id, other FROM t")
          List<Row> a(); // <-
        }
        """);
    expect(Rule.BW411, """
        @Repository
        public interface Repo {
          record P(String title) {}
          @Sql("INSERT INTO t (title) VALUES (:p.title)")
          long a(List<P> p); // <-
        }
        """);
    expect(Rule.BW411, """
        @Repository
        public interface Repo {
          @Sql("SELECT id FROM t")
          void a(); // <-
        }
        """);
  }

  @Test
  void bw412SelectedColumnWithoutPlace() {
    expect(Rule.BW412, """
        @Repository
        public interface Repo {
          record Row(long id, String title) {}
          @Sql("SELECT id, title, body FROM t")
          List<Row> a(); // <-
        }
        """);
    expect(Rule.BW412, """
        @Repository
        public interface Repo {
          @Sql("SELECT id, title FROM t")
          List<Long> a(); // <-
        }
        """);
  }

  @Test
  void bw413ComponentNotSelected() {
    String message = expect(Rule.BW413, """
        @Repository
        public interface Repo {
          record Row(long id, String ownerName) {}
          @Sql("SELECT t.id FROM t JOIN o ON o.id = t.owner")
          List<Row> a(); // <-
        }
        """);
    assertTrue(message.contains("no column owner_name"), message);
  }

  @Test
  void selectListsThatCannotBeReadAreNotChecked() {
    Compilation compilation = SqlCompilations.compile(SqlCompilations.source("test.Repo", "package test;\n" + IMPORTS + """
        @Repository
        public interface Repo {
          record Row(long id, String ownerName, long total) {}
          @Sql("SELECT * FROM t")
          List<Row> a();
          @Sql("SELECT t.id, o.name AS owner_name, count(*) total, upper(x) FROM t JOIN o ON o.id = t.owner GROUP BY 1, 2")
          List<Row> b();
          @Sql("SELECT t.id, o.name AS owner_name, count(*) AS total FROM t JOIN o ON o.id = t.owner GROUP BY 1, 2")
          List<Row> c();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void bw414GeneratedKeyMisuse() {
    expect(Rule.BW414, """
        @Repository
        public interface Repo {
          @Sql("SELECT id FROM t WHERE id = :id")
          @GeneratedKey("id") // <-
          long a(long id);
        }
        """);
    expect(Rule.BW414, """
        @Repository
        public interface Repo {
          @Sql("INSERT INTO t (a) VALUES (:a)")
          @GeneratedKey("id") // <-
          Instant a(String a);
        }
        """);
  }

  @Test
  void bw415EncryptedMisuse() {
    expect(Rule.BW415, """
        @Repository
        public interface Repo {
          record U(long id, @Encrypted(table = "users", rowKey = "id") int secret) {} // <-
          @Sql("INSERT INTO users (id, secret) VALUES (:u.id, :u.secret)")
          void a(U u);
        }
        """);
    expect(Rule.BW415, """
        @Repository
        public interface Repo {
          record U(long id, @Encrypted(table = "users", rowKey = "uid") String email) {} // <-
          @Sql("SELECT id, email FROM users")
          List<U> a();
        }
        """);
    expect(Rule.BW415, """
        @Repository
        public interface Repo {
          record U(Instant id, @Encrypted(table = "users", rowKey = "id") String email) {} // <-
          @Sql("SELECT id, email FROM users")
          List<U> a();
        }
        """);
  }

  @Test
  void errorsInOneRepositoryDoNotStopTheOthers() {
    JavaFileObject bad = SqlCompilations.source("test.Bad", "package test;\n" + IMPORTS + """
        @Repository
        public interface Bad {
          @Sql("SELECT count(*) FROM t WHERE id = :x")
          long a(long id);
        }
        """);
    JavaFileObject good = SqlCompilations.source("test.Good", "package test;\n" + IMPORTS + """
        @Repository
        public interface Good {
          @Sql("SELECT count(*) FROM t")
          long a();
        }
        """);
    Compilation compilation = SqlCompilations.compile(bad, good);
    assertThat(compilation).hadErrorContaining("[BW406]").inFile(bad).onLine(5);
    assertThat(compilation).hadErrorContaining("[BW407]").inFile(bad).onLine(6);
    assertEquals(2, compilation.errors().size(), "the good repository compiles, its generated class included");
  }

  @Test
  void lookalikeAnnotationsAreNotOurs() {
    JavaFileObject own = SqlCompilations.source("test.Sql", "package test; public @interface Sql { String value(); }");
    JavaFileObject repo = SqlCompilations.source("test.Repo", "package test;\nimport dev.bulwark.annotations.Repository;\n" + """
        @Repository
        public interface Repo {
          @Sql("SELECT 1")
          int a(); // <-
        }
        """);
    assertThat(SqlCompilations.compile(own, repo)).hadErrorContaining("[BW402]").inFile(repo).onLine(6);
  }

  /** Compiles the source, asserts exactly this rule fired on the marked line, and returns the message. */
  private static String expect(Rule rule, String body) {
    COVERED.add(rule);
    String text = "package test;\n" + IMPORTS + body;
    JavaFileObject source = SqlCompilations.source("test.Repo", text);
    Compilation compilation = SqlCompilations.compile(source);
    long line = markedLine(text);
    assertThat(compilation).hadErrorContaining("[" + rule.name() + "]").inFile(source).onLine(line);
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      String message = d.getMessage(null);
      assertTrue(message.startsWith("[" + rule.name() + "] "), "unexpected other error: " + message);
      assertTrue(message.contains("; "), "no fix hint: " + message);
    }
    return compilation.errors().get(0).getMessage(null);
  }

  private static long markedLine(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// <-")) {
        return i + 1;
      }
    }
    throw new AssertionError("no // <- marker");
  }

  /** Every data-access rule (BW4nn) has a negative compile test here. */
  @AfterAll
  static void everyDataAccessRuleHasANegativeTest() {
    Set<Rule> family = EnumSet.noneOf(Rule.class);
    for (Rule rule : Rule.values()) {
      if (rule.name().startsWith("BW4")) {
        family.add(rule);
      }
    }
    family.removeAll(COVERED);
    assertEquals(Set.of(), family, "rules without a negative compile test: " + Arrays.toString(family.toArray()));
  }
}
