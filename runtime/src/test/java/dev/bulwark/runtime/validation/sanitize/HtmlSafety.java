package dev.bulwark.runtime.validation.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Parses a sanitized value as a browser would (jsoup implements the HTML5 parsing algorithm) and lists what could
 * run script in it. Parsing, not substring matching: "javascript:" in text is harmless, an entity-encoded
 * {@code &#106;avascript:} in an href is not.
 */
final class HtmlSafety {
  /** Elements that run script, load active content, or restyle and rebase the page. */
  static final Set<String> DANGEROUS_ELEMENTS = Set.of(
      "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base",
      "link", "meta", "form", "template", "noscript");

  /** Attributes whose value is a URL a browser will load or navigate to. */
  static final Set<String> URL_ATTRIBUTES = Set.of(
      "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "codebase",
      "cite", "longdesc", "lowsrc", "dynsrc", "ping");

  static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

  private HtmlSafety() {}

  static Document parse(String html) {
    return Jsoup.parseBodyFragment(html);
  }

  /** What in {@code html} could run script or load an unsafe URL; empty when nothing. */
  static List<String> problems(String html) {
    List<String> problems = new ArrayList<>();
    for (Element element : parse(html).getAllElements()) {
      String tag = element.normalName();
      if (DANGEROUS_ELEMENTS.contains(tag)) {
        problems.add("element <" + tag + ">");
      }
      for (Attribute attribute : element.attributes()) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        if (key.startsWith("on")) {
          problems.add("event handler " + key + " on <" + tag + ">");
        } else if (key.equals("style")) {
          problems.add("style attribute on <" + tag + ">");
        } else if (URL_ATTRIBUTES.contains(key) && !isSafeUrl(attribute.getValue())) {
          problems.add("unsafe URL in " + key + " on <" + tag + ">");
        }
      }
    }
    return problems;
  }

  /** The scheme as a browser reads it (WHATWG URL: outer C0 controls and spaces, inner tabs and newlines dropped). */
  static String scheme(String url) {
    String cleaned = url.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
    Matcher m = SCHEME.matcher(cleaned);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** A URL with no scheme (relative) cannot run script; one with a scheme must have a safe one. */
  static boolean isSafeUrl(String url) {
    String scheme = scheme(url);
    return scheme == null || SAFE_SCHEMES.contains(scheme);
  }
}
