package dev.bulwark.runtime.validation.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.annotations.Sanitize.Policy;
import dev.bulwark.runtime.validation.Corpora;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SanitizersTest {
  private static final String REL = " rel=\"nofollow noopener noreferrer\"";

  @Test
  void basicHtmlKeepsItsFormattingElements() {
    String html = "<p><b>b</b> <i>i</i> <em>em</em> <strong>s</strong><br /></p><ul><li>u</li></ul>"
        + "<ol><li>o</li></ol><pre><code>c</code></pre><blockquote>q</blockquote>";
    assertEquals(html, Sanitizers.apply(Policy.BASIC_HTML, html));
    assertTrue(Sanitizers.isClean(Policy.BASIC_HTML, html));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<a href=\"https://example.com/a?b=1\">x</a>|<a href=\"https://example.com/a?b&#61;1\"" + REL + ">x</a>",
      "<a href=\"http://example.com\" rel=\"opener\" target=\"_blank\">x</a>"
          + "|<a href=\"http://example.com\"" + REL + ">x</a>",
      "<a href=\"mailto:a@example.com\">m</a>|<a href=\"mailto:a&#64;example.com\"" + REL + ">m</a>",
      "<a href=\"javascript:alert(1)\">x</a>|x",
      "<a href=\"JaVaScRiPt:alert(1)\">x</a>|x",
      "<a href=\"&#106;avascript:alert(1)\">x</a>|x",
      "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>|x",
      "<a href=\"vbscript:msgbox(1)\">x</a>|x",
      "<a href=\"/relative\">x</a>|x",
      "<a href=\"//evil.example/\">x</a>|x",
      "<a name=\"anchor\">x</a>|x",
      "<b onclick=\"alert(1)\" style=\"color:red\" class=\"c\" id=\"i\">x</b>|<b>x</b>",
      "<p><script>alert(1)</script>ok</p>|<p>ok</p>",
      "<style>body{display:none}</style>ok|ok",
      "<img src=x onerror=alert(1)>ok|ok",
      "<iframe src=\"https://example.com\"></iframe>ok|ok",
      "<svg><script>alert(1)</script></svg>ok|ok",
      "<table><tr><td>cell</td></tr></table>|cell",
      "<h1>title</h1>|title",
  })
  void basicHtmlCleans(String input, String expected) {
    assertEquals(expected, Sanitizers.apply(Policy.BASIC_HTML, input));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "<b>Tom</b> & Jerry <3|Tom &amp; Jerry &lt;3",
      "<script>alert(1)</script>hi|hi",
      "<p>one</p><p>two</p>|onetwo",
      "&lt;script&gt;|&lt;script&gt;",
      "a > b|a &gt; b",
      "it's C++ at user@example.com = \"fine\" `ok` {{x}}|it's C++ at user@example.com = \"fine\" `ok` {{x}}",
      "<a href=\"https://example.com\">link</a> text|link text",
      "<img src=x onerror=alert(1)>|~~",
  })
  void textRemovesEveryTagAndEscapesWhatRemains(String input, String expected) {
    assertEquals(expected, Sanitizers.apply(Policy.TEXT, input));
  }

  @Test
  void textKeepsLayoutWhitespaceAndNonAsciiButDropsControls() {
    assertEquals("a\tb\nc\r\nd é 😀", Sanitizers.apply(Policy.TEXT, "a\tb\nc\r\nd é 😀"));
    assertEquals("ab", Sanitizers.apply(Policy.TEXT, "a\u0000\u0007\u001b\u007fb"));
    assertEquals("ab", Sanitizers.apply(Policy.TEXT, "a\ud800b"));
  }

  /** TEXT escapes exactly once: a browser shows a plain line back exactly as it was sent. */
  @Test
  void textOfPlainLinesRendersBackExactly() {
    List<String> failures = new ArrayList<>();
    for (String line : Corpora.lines("/corpora/blns/blns.txt")) {
      if (line.matches("(?s).*[<&\\r\\p{Cntrl}].*")) {
        continue;
      }
      String shown = HtmlSafety.parse(Sanitizers.apply(Policy.TEXT, line)).body().wholeText();
      if (!shown.equals(line)) {
        failures.add(line + " shows as " + shown);
      }
    }
    assertEquals(List.of(), failures);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain words", "it's C++ at user@example.com", "Tom &amp; Jerry", "", "é 😀"})
  void plainTextIsCleanForText(String value) {
    assertTrue(Sanitizers.isClean(Policy.TEXT, value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"<b>x</b>", "a < b", "Tom & Jerry", "<script>x</script>", "a\u0000b"})
  void anythingTextWouldChangeIsRefusedInRejectMode(String value) {
    assertFalse(Sanitizers.isClean(Policy.TEXT, value));
  }

  @Test
  void rejectModeForBasicHtmlIsByteExact() {
    assertTrue(Sanitizers.isClean(Policy.BASIC_HTML, "<p><b>x</b></p>"));
    assertFalse(Sanitizers.isClean(Policy.BASIC_HTML, "<b onclick=\"x\">x</b>"));
    assertFalse(Sanitizers.isClean(Policy.BASIC_HTML, "<a href=\"https://example.com\">x</a>"), "rel missing");
    assertFalse(Sanitizers.isClean(Policy.BASIC_HTML, "<p>unclosed"));
  }

  @Test
  void nullStaysNull() {
    assertNull(Sanitizers.apply(Policy.TEXT, null));
    assertNull(Sanitizers.apply(Policy.BASIC_HTML, null));
    assertTrue(Sanitizers.isClean(Policy.BASIC_HTML, null));
  }

  @Test
  void customNeedsANameThroughApplyCustom() {
    assertThrows(IllegalArgumentException.class, () -> Sanitizers.apply(Policy.CUSTOM, "x"));
  }

  @Test
  void customPoliciesAreRegisteredOnceByName() {
    UnaryOperator<String> upper = s -> s.toUpperCase(Locale.ROOT);
    Sanitizers.register("test.upper", upper);
    Sanitizers.register("test.upper", upper);
    assertEquals("ABC", Sanitizers.applyCustom("test.upper", "abc"));
    assertTrue(Sanitizers.isCleanCustom("test.upper", "ABC"));
    assertFalse(Sanitizers.isCleanCustom("test.upper", "abc"));
    assertTrue(Sanitizers.isRegistered("test.upper"));
    Sanitizers.requireRegistered("test.upper");
    IllegalStateException taken = assertThrows(IllegalStateException.class,
        () -> Sanitizers.register("test.upper", s -> s));
    assertTrue(taken.getMessage().contains("'test.upper'"), taken.getMessage());
  }

  @Test
  void anUnknownCustomPolicyIsAnErrorThatNamesIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Sanitizers.applyCustom("test.never-registered", "x"));
    assertTrue(e.getMessage().contains("'test.never-registered'"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Sanitizers.applyCustom("test.never-registered", null));
    assertThrows(IllegalStateException.class, () -> Sanitizers.requireRegistered("test.never-registered"));
    assertFalse(Sanitizers.isRegistered("test.never-registered"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1abc", "has space", "a/b", "é"})
  void customNamesAreIdentifiers(String name) {
    assertThrows(IllegalArgumentException.class, () -> Sanitizers.register(name, s -> s));
  }

  @Test
  void aCustomPolicyThatReturnsNullIsABug() {
    Sanitizers.register("test.null", s -> null);
    assertThrows(IllegalStateException.class, () -> Sanitizers.applyCustom("test.null", "x"));
  }

  @Test
  void anOwaspPolicyFactoryRegistersAsAMethodReference() {
    var headingsOnly = new org.owasp.html.HtmlPolicyBuilder().allowElements("h2").toFactory();
    Sanitizers.register("test.headings", headingsOnly::sanitize);
    assertEquals("<h2>t</h2>x", Sanitizers.applyCustom("test.headings", "<h2 onclick=x>t</h2><b>x</b>"));
  }
}
