package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/asvs.md cannot rot: it lists every level 1 and 2 requirement of its chapters from the ASVS 5.0 CSV, exactly
 * once and nothing else; every row has a status and evidence; every {@code Class#method} it names exists among the
 * repository's tests, and every page it names exists; and the totals it states are the rows' totals.
 */
class AsvsTraceabilityTest {
  static final Set<String> CHAPTERS = Set.of("V1", "V2", "V4", "V6", "V7", "V8", "V9", "V13", "V15", "V16");
  static final Set<String> STATUSES = Set.of("test", "doc", "n/a", "gap");
  static final Pattern ROW = Pattern.compile("^\\| (V\\d+\\.\\d+\\.\\d+) \\| ([123]) \\| (.+) \\| (test|doc|n/a|gap|[^|]*) \\| (.*) \\|$");
  static final Pattern TEST_REF = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9_]*)`");
  static final Pattern DOC_REF = Pattern.compile("`docs/([a-z0-9-]+\\.md)`|\\]\\(([a-z0-9-]+\\.md)\\)");

  static Path root() {
    return Path.of(System.getProperty("bulwark.repo.root", ".."));
  }

  /** The applicable requirement ids of the CSV, in order, with their levels. */
  static Map<String, String> applicable() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    CsvMapper csv = new CsvMapper();
    try (InputStream in = AsvsTraceabilityTest.class.getResourceAsStream("/asvs/asvs-5.0.0.csv");
        MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        if (CHAPTERS.contains(row.get("chapter_id")) && Set.of("1", "2").contains(row.get("L"))) {
          out.put(row.get("req_id"), row.get("L"));
        }
      }
    }
    assertTrue(out.size() > 100, "read only " + out.size() + " requirements from the CSV");
    return out;
  }

  record Row(String id, String level, String status, String evidence) {}

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(root().resolve("docs/asvs.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.add(new Row(m.group(1), m.group(2), m.group(4).trim(), m.group(5).trim()));
      } else if (line.startsWith("| V")) {
        throw new AssertionError("a table row that does not parse: " + line);
      }
    }
    return rows;
  }

  @Test
  void everyApplicableRequirementIsListedOnceWithItsLevel() throws IOException {
    Map<String, String> expected = applicable();
    Map<String, String> listed = new LinkedHashMap<>();
    for (Row row : rows()) {
      assertTrue(listed.put(row.id(), row.level()) == null, row.id() + " is listed twice");
    }
    Set<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(listed.keySet());
    Set<String> extra = new TreeSet<>(listed.keySet());
    extra.removeAll(expected.keySet());
    assertEquals(Set.of(), missing, "requirements of the CSV missing from docs/asvs.md");
    assertEquals(Set.of(), extra, "rows that are not level 1 or 2 requirements of the chapters");
    assertEquals(expected, listed, "a level differs from the CSV");
  }

  @Test
  void everyRowHasAStatusAndEvidenceAndTestRowsNameATest() throws IOException {
    for (Row row : rows()) {
      assertTrue(STATUSES.contains(row.status()), row.id() + " has status '" + row.status() + "'");
      assertTrue(row.evidence().length() >= 10, row.id() + " gives no evidence or reason");
      if (row.status().equals("test")) {
        assertTrue(TEST_REF.matcher(row.evidence()).find(), row.id() + " is 'test' but names no Class#method");
      }
      if (row.status().equals("doc")) {
        assertTrue(DOC_REF.matcher(row.evidence()).find(), row.id() + " is 'doc' but names no docs page");
      }
    }
  }

  @Test
  void everyNamedTestMethodAndPageExists() throws IOException {
    Map<String, List<Path>> testFiles = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root())) {
      walk.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java")
              && !p.toString().contains("/target/"))
          .forEach(p -> testFiles.computeIfAbsent(p.getFileName().toString().replace(".java", ""), k -> new ArrayList<>()).add(p));
    }
    Set<String> unknown = new LinkedHashSet<>();
    int references = 0;
    for (Row row : rows()) {
      Matcher t = TEST_REF.matcher(row.evidence());
      while (t.find()) {
        references++;
        List<Path> files = testFiles.get(t.group(1));
        boolean found = false;
        for (Path file : files == null ? List.<Path>of() : files) {
          found |= Pattern.compile("\\bvoid " + Pattern.quote(t.group(2)) + "\\(").matcher(Files.readString(file)).find();
        }
        if (!found) {
          unknown.add(row.id() + ": " + t.group());
        }
      }
      Matcher d = DOC_REF.matcher(row.evidence());
      while (d.find()) {
        String page = d.group(1) != null ? d.group(1) : d.group(2);
        if (!Files.exists(root().resolve("docs").resolve(page))) {
          unknown.add(row.id() + ": docs/" + page);
        }
      }
    }
    assertTrue(references > 150, "only " + references + " test references");
    assertEquals(Set.of(), unknown, "named in docs/asvs.md but not in the repository");
  }

  @Test
  void theStatedTotalsAreTheRowsTotals() throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    List<Row> rows = rows();
    rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    String totals = String.format("Totals: %d requirements: %d test, %d doc, %d n/a, %d gap.", rows.size(),
        counts.getOrDefault("test", 0), counts.getOrDefault("doc", 0), counts.getOrDefault("n/a", 0), counts.getOrDefault("gap", 0));
    assertTrue(Files.readString(root().resolve("docs/asvs.md")).contains(totals), "docs/asvs.md does not say: " + totals);
  }
}
