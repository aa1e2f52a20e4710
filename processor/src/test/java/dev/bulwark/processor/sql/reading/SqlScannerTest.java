package dev.bulwark.processor.sql.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lexer finds exactly the binds the driver will see, and nothing inside literals, identifiers or comments. */
class SqlScannerTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT a FROM t WHERE id = :id                         | :id",
      "SELECT ':x', \"col:y\" FROM t WHERE a = :a              | :a",
      "SELECT E'it\\'s :no' FROM t WHERE a = :a                | :a",
      "SELECT 'it''s :no' FROM t WHERE a = :a                  | :a",
      "SELECT $$ :no $$, $tag$ :no $tag$ FROM t WHERE a = :a   | :a",
      "SELECT a::int, b::text FROM t WHERE a = :a::int         | :a",
      "SELECT a FROM t /* :no /* nested :no */ :no */ WHERE a = :a | :a",
      "SELECT a FROM t -- :no\\n WHERE a = :p.title AND b = :b  | :p.title :b",
      "SELECT a$b FROM t WHERE a = :a                          | :a",
      "SELECT a FROM t WHERE a = :a;                           | :a",
  })
  void findsTheBinds(String sql, String expected) {
    Object scan = SqlScanner.scan(sql.replace("\\n", "\n"));
    List<String> binds = new ArrayList<>();
    for (SqlScanner.Part part : assertInstanceOf(SqlScanner.Scan.class, scan).parts()) {
      if (part instanceof SqlScanner.Bind bind) {
        binds.add(bind.display());
      }
    }
    assertEquals(expected, String.join(" ", binds));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT 'x                        | MALFORMED",
      "SELECT E'x\\'                    | MALFORMED",
      "SELECT $a$ x $b$                 | MALFORMED",
      "SELECT 1 /* /* */                | MALFORMED",
      "SELECT ${a b} FROM t             | MALFORMED",
      "SELECT 1; SELECT 2               | SEVERAL_STATEMENTS",
      "SELECT 1 WHERE a = ?             | POSITIONAL",
      "SELECT 1 WHERE a = $2            | POSITIONAL",
  })
  void refuses(String sql, SqlScanner.Kind kind) {
    assertEquals(kind, assertInstanceOf(SqlScanner.Problem.class, SqlScanner.scan(sql)).kind());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT id, owner_id FROM t                         | id,owner_id",
      "SELECT t.id, o.name AS owner_name FROM t, o        | id,owner_name",
      "SELECT DISTINCT count(*) AS n, max(x) m FROM t     | ",
      "SELECT count(*) AS n, lower(x) AS m FROM t         | n,m",
      "SELECT 'a, b' AS s, extract(year FROM d) AS y FROM t | s,y",
      "SELECT * FROM t                                    | ",
      "SELECT \"Id\" FROM t                               | ",
  })
  void readsSelectLists(String sql, String expected) {
    SqlScanner.Scan scan = (SqlScanner.Scan) SqlScanner.scan(sql);
    Optional<List<String>> labels = SelectList.labels(scan.masked());
    assertEquals(expected == null ? "" : expected, labels.map(l -> String.join(",", l)).orElse(""));
  }
}
