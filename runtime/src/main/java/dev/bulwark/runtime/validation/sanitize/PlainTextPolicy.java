package dev.bulwark.runtime.validation.sanitize;

import java.util.List;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * {@code Policy.TEXT}: the OWASP sanitizer with no element allowed, rendered as text.
 *
 * <p>The OWASP lexer (not a regex) finds the tags, so what a browser would see as markup is what is removed; the
 * content of script, style, iframe, noscript and the like is dropped with it. The text that remains arrives decoded
 * ({@code &lt;} is {@code <}) and is re-escaped here: only {@code &}, {@code <} and {@code >}, which is all HTML
 * text content needs. OWASP's own renderer also escapes {@code ' " + = @} and a backtick, which would turn
 * "it's C++ at user@example.com" into entities for no gain in a text context and would make the REJECT mode refuse
 * ordinary sentences. C0 controls other than tab, LF and CR, DEL, and lone surrogates are dropped, as OWASP does.
 */
final class PlainTextPolicy {
  private static final PolicyFactory NO_ELEMENTS = new HtmlPolicyBuilder().toFactory();

  private PlainTextPolicy() {}

  static String sanitize(String value) {
    TextCollector out = new TextCollector(value.length());
    HtmlSanitizer.sanitize(value, NO_ELEMENTS.apply(out));
    return out.result();
  }

  /** Keeps the text events, escaped, and ignores the (already filtered) tag events. */
  private static final class TextCollector implements HtmlStreamEventReceiver {
    private final StringBuilder text;

    TextCollector(int capacity) {
      text = new StringBuilder(capacity);
    }

    @Override
    public void openDocument() {}

    @Override
    public void closeDocument() {}

    @Override
    public void openTag(String elementName, List<String> attrs) {}

    @Override
    public void closeTag(String elementName) {}

    @Override
    public void text(String chunk) {
      for (int i = 0; i < chunk.length(); i++) {
        char c = chunk.charAt(i);
        switch (c) {
          case '&' -> text.append("&amp;");
          case '<' -> text.append("&lt;");
          case '>' -> text.append("&gt;");
          default -> {
            if (Character.isHighSurrogate(c) && i + 1 < chunk.length()
                && Character.isLowSurrogate(chunk.charAt(i + 1))) {
              text.append(c).append(chunk.charAt(++i));
            } else if (!isDropped(c)) {
              text.append(c);
            }
          }
        }
      }
    }

    String result() {
      return text.toString();
    }

    private static boolean isDropped(char c) {
      return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || Character.isSurrogate(c);
    }
  }
}
