package dev.bulwark.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The PNG charts of docs/benchmarks/, drawn with XChart from the same results as the tables. */
final class Charts {
  private Charts() {}

  /** Stage, Bulwark's benchmark, the hand-written one. */
  static final String[][] JMH_PAIRS = {
    {"token verification", "TokenBenchmark.bulwark", "TokenBenchmark.javaJwtByHand"},
    {"rate-limit check", "RateLimitBenchmark.rateLimits", "RateLimitBenchmark.bucket4jByHand"},
    {"binding", "BindingBenchmark.bulwark", "BindingBenchmark.jacksonByHand"},
    {"validation, valid", "ValidationBenchmark.validGenerated", "ValidationBenchmark.validHandWritten"},
    {"validation, invalid", "ValidationBenchmark.invalidGenerated", "ValidationBenchmark.invalidHandWritten"},
    {"sanitizing", "SanitizeBenchmark.bulwark", "SanitizeBenchmark.owaspDirect"},
    {"problem writer", "ProblemBenchmark.bulwark", "ProblemBenchmark.jacksonByHand"},
  };

  static List<String> names(String mode, List<Report.Summary> summaries, Results r) {
    List<String> names = new ArrayList<>();
    if (!summaries.isEmpty()) {
      names.add(mode + "-ratios.png");
      names.add(mode + "-throughput.png");
      names.add(mode + "-p99.png");
    }
    if (!r.starts.isEmpty()) {
      names.add(mode + "-startup.png");
    }
    if (!r.compile.isEmpty()) {
      names.add(mode + "-compile.png");
    }
    if (!r.jmh.isEmpty()) {
      names.add(mode + "-jmh.png");
    }
    return names;
  }

  static void write(Path docs, String mode, List<Report.Summary> summaries, Results r) throws IOException {
    if (!summaries.isEmpty()) {
      List<String> labels = new ArrayList<>();
      List<Double> ratio = new ArrayList<>();
      List<Double> goal = new ArrayList<>();
      List<Double> rpsA = new ArrayList<>();
      List<Double> rpsB = new ArrayList<>();
      List<Double> p99A = new ArrayList<>();
      List<Double> p99B = new ArrayList<>();
      for (Report.Summary s : summaries) {
        String label = s.a() + " / " + s.b() + " @" + s.connections();
        labels.add(label);
        ratio.add(s.rpsRatio());
        goal.add(Double.isNaN(s.goal().minRps()) ? 0.0 : s.goal().minRps());
        rpsA.add(s.rpsA());
        rpsB.add(s.rpsB());
        p99A.add(s.p99A());
        p99B.add(s.p99B());
      }
      CategoryChart c = chart("Throughput ratio A / B (median of pairs) against its goal", "ratio", 1100, 600);
      c.addSeries("measured", labels, ratio);
      c.addSeries("goal (minimum)", labels, goal);
      save(c, docs, mode + "-ratios");
      c = chart("Requests per second (median) of each comparison A / B", "requests/s", 1100, 600);
      c.addSeries("A", labels, rpsA);
      c.addSeries("B", labels, rpsB);
      save(c, docs, mode + "-throughput");
      c = chart("p99 latency (median) of each comparison A / B", "ms", 1100, 600);
      c.addSeries("A", labels, p99A);
      c.addSeries("B", labels, p99B);
      save(c, docs, mode + "-p99");
    }
    if (!r.starts.isEmpty()) {
      List<String> variants = r.starts.stream().map(Results.Start::variant).distinct().toList();
      List<Double> ms = new ArrayList<>();
      for (String v : variants) {
        ms.add(Results.median(r.starts.stream().filter(x -> x.variant().equals(v)).map(x -> (double) x.millis()).toList()));
      }
      CategoryChart c = chart("Start-up to the first secured 200 (median)", "ms", 700, 450);
      c.addSeries("start-up", variants, ms);
      save(c, docs, mode + "-startup");
    }
    if (!r.compile.isEmpty()) {
      List<String> names = r.compile.stream().map(Results.Compile::name).toList();
      List<Double> means = r.compile.stream()
          .map(x -> x.seconds().stream().mapToDouble(Double::doubleValue).average().orElse(0)).toList();
      CategoryChart c = chart("javac on 500 APIs (mean)", "s", 700, 450);
      c.addSeries("javac", names, means);
      save(c, docs, mode + "-compile");
    }
    if (!r.jmh.isEmpty()) {
      List<String> stages = new ArrayList<>();
      List<Double> bulwark = new ArrayList<>();
      List<Double> byHand = new ArrayList<>();
      for (String[] p : JMH_PAIRS) {
        for (String params : r.jmh.stream().filter(j -> j.benchmark().equals(p[1])).map(Results.Jmh::params).toList()) {
          Results.Jmh a = Report.find(r, p[1], params);
          Results.Jmh b = Report.find(r, p[2], params);
          if (a == null || b == null) {
            continue;
          }
          stages.add(p[0] + (params.isEmpty() ? "" : " " + params.replace("alg=", "")));
          bulwark.add(nanos(a));
          byHand.add(nanos(b));
        }
      }
      if (!stages.isEmpty()) {
        List<Double> ratio = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
          ratio.add(bulwark.get(i) / byHand.get(i));
          one.add(1.0);
        }
        CategoryChart c = chart("JMH: Bulwark's time per operation / the same work by hand (1 = equal)", "ratio",
            1100, 600);
        c.addSeries("Bulwark / by hand", stages, ratio);
        c.addSeries("equal", stages, one);
        save(c, docs, mode + "-jmh");
      }
    }
  }

  /** ns per operation, from either time per op or throughput. */
  private static double nanos(Results.Jmh j) {
    return switch (j.unit()) {
      case "ns/op" -> j.score();
      case "us/op" -> j.score() * 1e3;
      case "ops/us" -> 1e3 / j.score();
      case "ops/ms" -> 1e6 / j.score();
      case "ops/s" -> 1e9 / j.score();
      default -> j.score();
    };
  }

  private static CategoryChart chart(String title, String yTitle, int width, int height) {
    CategoryChart c = new CategoryChartBuilder().width(width).height(height).title(title).yAxisTitle(yTitle).build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    c.getStyler().setXAxisLabelRotation(30);
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return c;
  }

  private static void save(CategoryChart c, Path docs, String name) throws IOException {
    BitmapEncoder.saveBitmap(c, docs.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
