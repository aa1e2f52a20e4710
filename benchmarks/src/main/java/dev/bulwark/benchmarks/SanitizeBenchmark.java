package dev.bulwark.benchmarks;

import dev.bulwark.annotations.Sanitize;
import dev.bulwark.runtime.validation.sanitize.Sanitizers;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Sanitizing a comment of about 200 characters with some markup and a script: {@code Sanitizers.apply(BASIC_HTML)}
 * (what generated handlers call) against the same OWASP policy built and called directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SanitizeBenchmark {
  private String comment;
  private PolicyFactory direct;

  @Setup(Level.Trial)
  public void setUp() {
    comment = "<p>Thanks for the <b>write-up</b>! See <a href=\"https://example.com/more\">more</a> and "
        + "<code>mvn verify</code>.</p><script>alert(document.cookie)</script><img src=x onerror=alert(1)> Cheers, "
        + "<i>Ann</i>";
    // The runtime's BASIC_HTML policy, written out as a team would with the OWASP builder.
    direct = new HtmlPolicyBuilder()
        .allowElements("a", "b", "blockquote", "br", "code", "em", "i", "li", "ol", "p", "pre", "strong", "ul")
        .allowUrlProtocols("http", "https", "mailto")
        .allowAttributes("href").matching(Pattern.compile("(?is)(?:https?|mailto):.*")).onElements("a")
        .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
        .toFactory();
    String a = Sanitizers.apply(Sanitize.Policy.BASIC_HTML, comment);
    String b = direct.sanitize(comment);
    if (!a.equals(b) || a.contains("script")) {
      throw new IllegalStateException("policies disagree: " + a + " / " + b);
    }
  }

  @Benchmark
  public String bulwark() {
    return Sanitizers.apply(Sanitize.Policy.BASIC_HTML, comment);
  }

  @Benchmark
  public String owaspDirect() {
    return direct.sanitize(comment);
  }
}
