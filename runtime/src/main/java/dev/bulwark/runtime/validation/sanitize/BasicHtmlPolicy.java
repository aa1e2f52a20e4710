package dev.bulwark.runtime.validation.sanitize;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/** {@code Policy.BASIC_HTML}: a small formatting subset, built once with the OWASP Java HTML Sanitizer. */
final class BasicHtmlPolicy {
  /** The elements kept; everything else is dropped (its text kept, except inside script, style and the like). */
  static final String[] ELEMENTS = {
    "a", "b", "blockquote", "br", "code", "em", "i", "li", "ol", "p", "pre", "strong", "ul"
  };

  /** The link schemes kept, lower case. */
  static final String[] URL_SCHEMES = {"http", "https", "mailto"};

  /**
   * Links must be absolute. The OWASP protocol filter alone lets relative and scheme-relative URLs through
   * ({@code /path}, {@code //host}); a comment has no base URL it could be relative to, and an explicit scheme
   * makes "only http, https and mailto" checkable by anyone reading the stored value.
   */
  private static final Pattern ABSOLUTE_LINK = Pattern.compile("(?is)(?:https?|mailto):.*");

  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements(ELEMENTS)
      .allowUrlProtocols(URL_SCHEMES)
      .allowAttributes("href").matching(ABSOLUTE_LINK).onElements("a")
      .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
      .toFactory();

  private BasicHtmlPolicy() {}

  static String sanitize(String value) {
    return POLICY.sanitize(value);
  }
}
