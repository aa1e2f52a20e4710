package dev.bulwark.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What benchmarks/load/run left in its results directory, read back; every file is optional. */
final class Results {
  /** One wrk round. */
  record Round(String comparison, int connections, int pair, String variant, double rps, double p50, double p99,
      long non2xx, double load) {}

  /** One start-up. */
  record Start(String variant, int run, long millis, double load) {}

  /** One JMH result: the primary score and, with -prof gc, the bytes allocated per operation. */
  record Jmh(String benchmark, String params, double score, double error, String unit, double bytesPerOp) {}

  /** One compile configuration: its runs in seconds. */
  record Compile(String name, List<Double> seconds) {}

  final Map<String, String> meta = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();
  final List<Round> rounds = new ArrayList<>();
  final List<String> failedRounds = new ArrayList<>();
  final List<Start> starts = new ArrayList<>();
  final List<Jmh> jmh = new ArrayList<>();
  final List<Compile> compile = new ArrayList<>();
  final Map<String, String[]> memory = new LinkedHashMap<>();

  static Results read(Path dir) throws IOException {
    Results r = new Results();
    for (String[] row : tsv(dir.resolve("meta.tsv"), false)) {
      if (row[0].equals("note")) {
        r.notes.add(row[1]);
      } else if (row.length > 1) {
        r.meta.put(row[0], row[1]);
      }
    }
    for (String[] row : tsv(dir.resolve("load.tsv"), true)) {
      if (row.length < 9 || !(num(row[4]) > 0) || !(num(row[6]) > 0)) {
        r.failedRounds.add(String.join(" ", row)); // wrk could not reach the server: no figures to keep
        continue;
      }
      r.rounds.add(new Round(row[0], Integer.parseInt(row[1]), Integer.parseInt(row[2]), row[3], num(row[4]),
          num(row[5]), num(row[6]), Long.parseLong(row[7]), num(row[8])));
    }
    for (String[] row : tsv(dir.resolve("startup.tsv"), true)) {
      r.starts.add(new Start(row[0], Integer.parseInt(row[1]), Long.parseLong(row[2]), num(row[3])));
    }
    for (String[] row : tsv(dir.resolve("memory.tsv"), false)) {
      r.memory.put(row[0], row);
    }
    ObjectMapper json = new ObjectMapper();
    Path jmh = dir.resolve("jmh.json");
    if (Files.isRegularFile(jmh) && Files.size(jmh) > 0) {
      for (JsonNode b : json.readTree(jmh.toFile())) {
        String name = b.get("benchmark").asText().replace("dev.bulwark.benchmarks.", "");
        StringBuilder params = new StringBuilder();
        b.path("params").fields().forEachRemaining(e -> params.append(e.getKey()).append('=').append(e.getValue().asText()));
        JsonNode primary = b.get("primaryMetric");
        JsonNode alloc = b.path("secondaryMetrics").path("gc.alloc.rate.norm");
        r.jmh.add(new Jmh(name, params.toString(), primary.get("score").asDouble(),
            primary.path("scoreError").asDouble(Double.NaN), primary.get("scoreUnit").asText(),
            alloc.isMissingNode() ? Double.NaN : alloc.get("score").asDouble()));
      }
    }
    Path compile = dir.resolve("compile.json");
    if (Files.isRegularFile(compile)) {
      for (JsonNode c : json.readTree(compile.toFile()).get("results")) {
        List<Double> times = new ArrayList<>();
        c.get("times").forEach(t -> times.add(t.asDouble()));
        r.compile.add(new Compile(c.get("command").asText(), times));
      }
    }
    return r;
  }

  private static double num(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static List<String[]> tsv(Path file, boolean header) throws IOException {
    List<String[]> rows = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return rows;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = header ? 1 : 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        rows.add(lines.get(i).split("\t"));
      }
    }
    return rows;
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
