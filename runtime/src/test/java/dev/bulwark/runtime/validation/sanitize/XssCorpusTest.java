package dev.bulwark.runtime.validation.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.annotations.Sanitize.Policy;
import dev.bulwark.runtime.validation.Corpora;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every payload of the PayloadsAllTheThings XSS lists through both built-in policies, each result parsed as HTML.
 * One parameterized case per file rather than per line keeps the report short; a failure names the line.
 */
class XssCorpusTest {
  static final List<String> FILES =
      List.of("/corpora/payloads/xss-alert.txt", "/corpora/payloads/xss-intruders.txt");

  /** What jsoup wraps every fragment in. */
  private static final Set<String> DOCUMENT_ELEMENTS = Set.of("#root", "html", "head", "body");

  static Stream<String> files() {
    return FILES.stream();
  }

  @ParameterizedTest
  @MethodSource("files")
  void basicHtmlLeavesNothingThatRuns(String file) {
    List<String> failures = new ArrayList<>();
    for (String payload : Corpora.lines(file)) {
      String cleaned = Sanitizers.apply(Policy.BASIC_HTML, payload);
      List<String> problems = new ArrayList<>(HtmlSafety.problems(cleaned));
      problems.addAll(outsideBasicHtml(cleaned));
      if (!problems.isEmpty()) {
        failures.add(problems + " in " + cleaned + " from " + payload);
      }
    }
    assertEquals(List.of(), failures);
  }

  @ParameterizedTest
  @MethodSource("files")
  void textLeavesNoMarkupAtAll(String file) {
    List<String> failures = new ArrayList<>();
    for (String payload : Corpora.lines(file)) {
      String cleaned = Sanitizers.apply(Policy.TEXT, payload);
      List<String> problems = new ArrayList<>(HtmlSafety.problems(cleaned));
      for (Element element : HtmlSafety.parse(cleaned).getAllElements()) {
        if (!DOCUMENT_ELEMENTS.contains(element.normalName())) {
          problems.add("element <" + element.normalName() + ">");
        }
      }
      if (cleaned.indexOf('<') >= 0) {
        problems.add("a raw '<'");
      }
      if (!problems.isEmpty()) {
        failures.add(problems + " in " + cleaned + " from " + payload);
      }
    }
    assertEquals(List.of(), failures);
  }

  @ParameterizedTest
  @MethodSource("files")
  void bothPoliciesAreIdempotentSoCleanedValuesPassRejectMode(String file) {
    List<String> failures = new ArrayList<>();
    for (String payload : Corpora.lines(file)) {
      for (Policy policy : List.of(Policy.TEXT, Policy.BASIC_HTML)) {
        String once = Sanitizers.apply(policy, payload);
        if (!Sanitizers.isClean(policy, once)) {
          failures.add(policy + ": " + once + " changes again to " + Sanitizers.apply(policy, once));
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /** The checker is not vacuous: most raw payloads are flagged, so a policy that let them through would fail. */
  @ParameterizedTest
  @MethodSource("files")
  void theCheckerFlagsTheRawPayloads(String file) {
    List<String> lines = Corpora.lines(file);
    long flagged = lines.stream().filter(line -> !HtmlSafety.problems(line).isEmpty()).count();
    assertTrue(flagged * 2 > lines.size(), flagged + " of " + lines.size() + " raw payloads flagged");
    long rejected = lines.stream().filter(line -> !line.isBlank())
        .filter(line -> !Sanitizers.isClean(Policy.BASIC_HTML, line)).count();
    assertTrue(rejected * 2 > lines.size(), rejected + " of " + lines.size() + " payloads refused in REJECT mode");
  }

  @Test
  void theCheckerReadsUrlsAsABrowserDoes() {
    assertEquals(1, HtmlSafety.problems("<a href=\"javascript:alert(1)\">x</a>").size());
    assertEquals(1, HtmlSafety.problems("<a href=\"&#106;avascript:alert(1)\">x</a>").size());
    assertEquals(1, HtmlSafety.problems("<a href=\" java\tscript:alert(1)\">x</a>").size());
    assertEquals(1, HtmlSafety.problems("<a href=\"DATA:text/html,x\">x</a>").size());
    assertEquals(2, HtmlSafety.problems("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>").size());
    assertEquals(1, HtmlSafety.problems("<img src=x onerror=alert(1)>").size());
    assertEquals(1, HtmlSafety.problems("<b style=\"x:expression(alert(1))\">x</b>").size());
    assertEquals(List.of(), HtmlSafety.problems("javascript:alert(1) as text, <b>and</b> <a href=/rel>x</a>"));
  }

  /** BASIC_HTML's own promise, stricter than "nothing runs": only its elements, and links only absolute. */
  private static List<String> outsideBasicHtml(String cleaned) {
    List<String> problems = new ArrayList<>();
    Set<String> allowed = Set.of(BasicHtmlPolicy.ELEMENTS);
    for (Element element : HtmlSafety.parse(cleaned).getAllElements()) {
      String tag = element.normalName();
      if (DOCUMENT_ELEMENTS.contains(tag)) {
        continue;
      }
      if (!allowed.contains(tag)) {
        problems.add("element <" + tag + "> outside the policy");
      }
      for (var attribute : element.attributes()) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        boolean linkAttribute = tag.equals("a") && (key.equals("href") || key.equals("rel"));
        if (!linkAttribute) {
          problems.add("attribute " + key + " on <" + tag + ">");
        }
      }
      if (tag.equals("a")) {
        String scheme = HtmlSafety.scheme(element.attr("href"));
        if (scheme == null || !HtmlSafety.SAFE_SCHEMES.contains(scheme)) {
          problems.add("link without an http, https or mailto scheme");
        }
        if (!element.attr("rel").equals("nofollow noopener noreferrer")) {
          problems.add("link without the forced rel");
        }
      }
    }
    return problems;
  }
}
