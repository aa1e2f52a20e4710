package dev.bulwark.processor.inventory;

import dev.bulwark.processor.Waivers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * The {@code @Waive} annotations on an element, as inventory entries: the rule, the reason and where it is written.
 * In a build that compiled, every waiver named a waivable rule, gave a reason and set aside a rule that fired (the
 * processor refuses any other), so each one listed here is a check that was actually skipped.
 */
final class WaiverList {
  private WaiverList() {}

  /** The waivers on the element, in declaration order, each labelled {@code on}. */
  static List<Map<String, Object>> on(Element element, String on) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Waivers.Waiver w : Waivers.waiversOn(element)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("rule", w.rule());
      entry.put("reason", w.reason());
      entry.put("on", on);
      out.add(entry);
    }
    return out;
  }
}
