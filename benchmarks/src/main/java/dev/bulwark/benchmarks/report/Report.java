package dev.bulwark.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns benchmarks/load/run's results into {@code docs/benchmarks/results-<mode>.md} and the charts beside it:
 * {@code Report <resultsDir> <docsDir> <mode>}. Every comparison is a per-pair ratio (A / B of the rounds run back
 * to back) and the median of those ratios, set against its goal from issue 10 or issue 5.
 */
public final class Report {
  private Report() {}

  /** A comparison the load script runs, its goal and how the goal reads. */
  record Goal(String id, String title, String goal, double minRps, double maxP99, double maxAddedP50) {}

  static final List<Goal> GOALS = List.of(
      new Goal("generated-vs-hand-javalin", "generated / hand-written, Javalin", ">= 0.97 rps, p99 <= 1.1", 0.97, 1.1, Double.NaN),
      new Goal("generated-vs-hand-jdk", "generated / hand-written, JDK server", ">= 0.97 rps, p99 <= 1.1", 0.97, 1.1, Double.NaN),
      new Goal("tax-jdk", "security tax: generated secured / plain, JDK server", ">= 0.90 rps", 0.90, Double.NaN, Double.NaN),
      new Goal("tax-javalin", "security tax: generated secured / plain, Javalin", ">= 0.90 rps", 0.90, Double.NaN, Double.NaN),
      new Goal("jdk-vs-javalin", "generated on the JDK server / on Javalin", ">= 0.95 rps", 0.95, Double.NaN, Double.NaN),
      new Goal("vs-spring-javalin", "generated on Javalin / Spring Boot", ">= 2 rps", 2.0, Double.NaN, Double.NaN),
      new Goal("vs-spring-jdk", "generated on the JDK server / Spring Boot", ">= 2 rps", 2.0, Double.NaN, Double.NaN),
      new Goal("redis-vs-local", "Redis store / local store (generated, JDK server)", "added p50 <= 0.25 ms", Double.NaN, Double.NaN, 0.25),
      new Goal("rs256-vs-hs256", "RS256 / HS256 (generated, JDK server)", "none (information)", Double.NaN, Double.NaN, Double.NaN),
      new Goal("es256-vs-hs256", "ES256 / HS256 (generated, JDK server)", "none (information)", Double.NaN, Double.NaN, Double.NaN));

  /** One comparison at one connection count, summarised. */
  record Summary(Goal goal, int connections, String a, String b, List<Double> rpsRatios, List<Double> p99Ratios,
      List<Double> addedP50, List<Double> addedP99, double rpsA, double rpsB, double p50A, double p50B, double p99A,
      double p99B, double loadMin, double loadMax, long non2xx) {
    double rpsRatio() { return Results.median(rpsRatios); }
    double p99Ratio() { return Results.median(p99Ratios); }
    String verdict() {
      if (non2xx > 0) {
        return "invalid (" + non2xx + " non-2xx)";
      }
      boolean any = false;
      boolean ok = true;
      if (!Double.isNaN(goal.minRps())) { any = true; ok &= rpsRatio() >= goal.minRps(); }
      if (!Double.isNaN(goal.maxP99())) { any = true; ok &= p99Ratio() <= goal.maxP99(); }
      if (!Double.isNaN(goal.maxAddedP50())) { any = true; ok &= Results.median(addedP50) <= goal.maxAddedP50(); }
      return !any ? "-" : ok ? "**met**" : "**not met**";
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path docs = Path.of(args[1]);
    String mode = args[2];
    Results r = Results.read(dir);
    List<Summary> summaries = summaries(r);
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results: ").append(mode).append(" mode\n\n");
    md.append("Written by `benchmarks/load/run ").append(mode).append("` (do not edit by hand; see ")
        .append("[../benchmarks.md](../benchmarks.md) for what is measured and how to read it).\n\n");
    md.append("| | |\n| --- | --- |\n");
    r.meta.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
    for (String note : r.notes) {
      md.append("\nNote: ").append(note).append('\n');
    }
    loadTables(md, summaries);
    if (!r.failedRounds.isEmpty()) {
      md.append("\n").append(r.failedRounds.size()).append(" rounds failed (wrk could not reach a server that had ")
          .append("been stopped from outside) and are left out; their pairs count no ratio:\n\n");
      for (String f : r.failedRounds) {
        md.append("- `").append(f).append("`\n");
      }
    }
    startup(md, r);
    compile(md, r);
    jmh(md, r);
    memory(md, r);
    Files.createDirectories(docs);
    Charts.write(docs, mode, summaries, r);
    md.append("\n## Charts\n\n");
    for (String chart : Charts.names(mode, summaries, r)) {
      md.append("![").append(chart).append("](").append(chart).append(")\n\n");
    }
    Files.writeString(docs.resolve("results-" + mode + ".md"), md.toString(), StandardCharsets.UTF_8);
  }

  static List<Summary> summaries(Results r) {
    List<Summary> out = new ArrayList<>();
    for (Goal g : GOALS) {
      TreeSet<Integer> conns = r.rounds.stream().filter(x -> x.comparison().equals(g.id()))
          .map(Results.Round::connections).collect(Collectors.toCollection(TreeSet::new));
      for (int c : conns) {
        List<Results.Round> rounds = r.rounds.stream()
            .filter(x -> x.comparison().equals(g.id()) && x.connections() == c).toList();
        String a = rounds.get(0).variant();
        String b = rounds.stream().map(Results.Round::variant).filter(v -> !v.equals(a)).findFirst().orElse(a);
        Map<Integer, Results.Round[]> pairs = new LinkedHashMap<>();
        for (Results.Round x : rounds) {
          pairs.computeIfAbsent(x.pair(), k -> new Results.Round[2])[x.variant().equals(a) ? 0 : 1] = x;
        }
        List<Double> rpsRatios = new ArrayList<>();
        List<Double> p99Ratios = new ArrayList<>();
        List<Double> addedP50 = new ArrayList<>();
        List<Double> addedP99 = new ArrayList<>();
        for (Results.Round[] p : pairs.values()) {
          if (p[0] != null && p[1] != null) {
            rpsRatios.add(p[0].rps() / p[1].rps());
            p99Ratios.add(p[0].p99() / p[1].p99());
            addedP50.add(p[0].p50() - p[1].p50());
            addedP99.add(p[0].p99() - p[1].p99());
          }
        }
        out.add(new Summary(g, c, a, b, rpsRatios, p99Ratios, addedP50, addedP99,
            med(rounds, a, Results.Round::rps), med(rounds, b, Results.Round::rps),
            med(rounds, a, Results.Round::p50), med(rounds, b, Results.Round::p50),
            med(rounds, a, Results.Round::p99), med(rounds, b, Results.Round::p99),
            rounds.stream().mapToDouble(Results.Round::load).min().orElse(Double.NaN),
            rounds.stream().mapToDouble(Results.Round::load).max().orElse(Double.NaN),
            rounds.stream().mapToLong(Results.Round::non2xx).sum()));
      }
    }
    return out;
  }

  private static double med(List<Results.Round> rounds, String variant,
      java.util.function.ToDoubleFunction<Results.Round> f) {
    return Results.median(rounds.stream().filter(x -> x.variant().equals(variant)).map(x -> f.applyAsDouble(x)).toList());
  }

  private static void loadTables(StringBuilder md, List<Summary> summaries) {
    if (summaries.isEmpty()) {
      return;
    }
    md.append("\n## Load: one endpoint, every variant (wrk, 127.0.0.1)\n\n");
    md.append("Medians over the pairs; the ratio is A / B per pair (rounds run back to back), then its median.\n\n");
    md.append("| comparison | conns | A | B | rps A | rps B | ratio (median) | per-pair ratios | p50 ms A / B | "
        + "p99 ms A / B | p99 ratio | load | goal | verdict |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Summary s : summaries) {
      md.append("| ").append(s.goal().title()).append(" | ").append(s.connections()).append(" | ").append(s.a())
          .append(" | ").append(s.b()).append(" | ").append(f0(s.rpsA())).append(" | ").append(f0(s.rpsB()))
          .append(" | **").append(f2(s.rpsRatio())).append("** | ")
          .append(s.rpsRatios().stream().map(Report::f2).collect(Collectors.joining(", "))).append(" | ")
          .append(f2(s.p50A())).append(" / ").append(f2(s.p50B())).append(" | ").append(f2(s.p99A())).append(" / ")
          .append(f2(s.p99B())).append(" | ").append(f2(s.p99Ratio())).append(" | ").append(f1(s.loadMin()))
          .append("-").append(f1(s.loadMax())).append(" | ").append(s.goal().goal()).append(" | ")
          .append(s.verdict()).append(" |\n");
    }
    for (Summary s : summaries) {
      if (s.goal().id().equals("redis-vs-local")) {
        md.append("\nRedis store against the local store at ").append(s.connections()).append(" connections: added p50 ")
            .append(f3(Results.median(s.addedP50()))).append(" ms (per pair: ")
            .append(s.addedP50().stream().map(Report::f3).collect(Collectors.joining(", "))).append("), added p99 ")
            .append(f3(Results.median(s.addedP99()))).append(" ms, throughput ").append(f2(s.rpsRatio()))
            .append(" of the local store's.\n");
      }
    }
  }

  private static void startup(StringBuilder md, Results r) {
    if (r.starts.isEmpty()) {
      return;
    }
    md.append("\n## Start-up: process start to the first secured 200\n\n| variant | runs (ms) | median ms | load |\n"
        + "| --- | --- | --- | --- |\n");
    Map<String, Double> medians = new LinkedHashMap<>();
    for (String v : r.starts.stream().map(Results.Start::variant).distinct().toList()) {
      List<Results.Start> s = r.starts.stream().filter(x -> x.variant().equals(v)).toList();
      double m = Results.median(s.stream().map(x -> (double) x.millis()).toList());
      medians.put(v, m);
      md.append("| ").append(v).append(" | ")
          .append(s.stream().map(x -> Long.toString(x.millis())).collect(Collectors.joining(", "))).append(" | ")
          .append(f0(m)).append(" | ").append(s.stream().map(x -> f1(x.load())).collect(Collectors.joining(", ")))
          .append(" |\n");
    }
    Double spring = medians.get("spring");
    if (spring != null) {
      md.append("\n| start-up against Spring Boot | ratio | goal | verdict |\n| --- | --- | --- | --- |\n");
      for (var e : medians.entrySet()) {
        if (!e.getKey().equals("spring")) {
          double ratio = e.getValue() / spring;
          md.append("| ").append(e.getKey()).append(" / spring | **").append(f2(ratio)).append("** | <= 0.20 | ")
              .append(ratio <= 0.2 ? "**met**" : "**not met**").append(" |\n");
        }
      }
    }
  }

  private static void compile(StringBuilder md, Results r) {
    if (r.compile.isEmpty()) {
      return;
    }
    md.append("\n## Compile time: javac on 500 APIs\n\n| configuration | runs (s) | mean s |\n| --- | --- | --- |\n");
    Map<String, Double> means = new LinkedHashMap<>();
    for (Results.Compile c : r.compile) {
      double mean = c.seconds().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      means.put(c.name(), mean);
      md.append("| ").append(c.name()).append(" | ")
          .append(c.seconds().stream().map(Report::f2).collect(Collectors.joining(", "))).append(" | ")
          .append(f2(mean)).append(" |\n");
    }
    Double proc = means.get("with the processor");
    Double hand = means.get("the same handlers as sources");
    Double alone = means.get("interfaces alone");
    if (proc != null && hand != null) {
      double ratio = proc / hand;
      md.append("\nWith the processor / the same handlers compiled as hand-written sources: **").append(f2(ratio))
          .append("** (goal <= 1.25: ").append(ratio <= 1.25 ? "**met**" : "**not met**").append(")");
      if (alone != null) {
        md.append("; with the processor / the interfaces alone: ").append(f2(proc / alone));
      }
      md.append(".\n");
    }
  }

  private static void jmh(StringBuilder md, Results r) {
    if (r.jmh.isEmpty()) {
      return;
    }
    md.append("\n## JMH: each stage, Bulwark against the same work by hand\n\n");
    md.append("| benchmark | params | score | unit | allocated B/op |\n| --- | --- | --- | --- | --- |\n");
    for (Results.Jmh j : r.jmh) {
      md.append("| ").append(j.benchmark()).append(" | ").append(j.params()).append(" | ").append(f2(j.score()))
          .append(" ± ").append(f2(j.error())).append(" | ").append(j.unit()).append(" | ").append(f0(j.bytesPerOp()))
          .append(" |\n");
    }
    md.append("\n| stage | Bulwark | by hand | Bulwark / by hand (time) |\n| --- | --- | --- | --- |\n");
    for (String[] p : Charts.JMH_PAIRS) {
      for (String params : r.jmh.stream().filter(j -> j.benchmark().equals(p[1])).map(Results.Jmh::params).toList()) {
        Results.Jmh a = find(r, p[1], params);
        Results.Jmh b = find(r, p[2], params);
        if (a == null || b == null) {
          continue;
        }
        boolean throughput = a.unit().startsWith("ops/");
        double ratio = throughput ? b.score() / a.score() : a.score() / b.score();
        md.append("| ").append(p[0]).append(params.isEmpty() ? "" : " (" + params + ")").append(" | ")
            .append(f2(a.score())).append(' ').append(a.unit()).append(" | ").append(f2(b.score())).append(' ')
            .append(b.unit()).append(" | ").append(f2(ratio)).append(" |\n");
      }
    }
    Results.Jmh limits = find(r, "RateLimitBenchmark.rateLimits", "");
    if (limits != null) {
      md.append("\nThe local rate-limit check as generated handlers call it (`RateLimits.consume`, headers included): **")
          .append(f0(limits.score())).append(" ns** per request (issue 5 goal: at most 300 ns: ")
          .append(limits.score() <= 300 ? "**met**" : "**not met**").append(").\n");
    }
  }

  static Results.Jmh find(Results r, String benchmark, String params) {
    return r.jmh.stream().filter(j -> j.benchmark().equals(benchmark) && j.params().equals(params)).findFirst()
        .orElse(null);
  }

  private static void memory(StringBuilder md, Results r) {
    if (r.memory.isEmpty()) {
      return;
    }
    md.append("\n## Local rate-limit store memory\n\n| measurement | value | unit |\n| --- | --- | --- |\n");
    for (String[] row : r.memory.values()) {
      md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row.length > 2 ? row[2] : "")
          .append(" |\n");
    }
  }

  static String f0(double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v); }
  static String f1(double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v); }
  static String f2(double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v); }
  static String f3(double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v); }
}
