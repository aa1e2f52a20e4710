package dev.bulwark.processor.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The {@code @Waive} annotations on an element, as inventory entries: the rule, the reason and where it is written.
 * In a build that compiled, every waiver named a waivable rule, gave a reason and set aside a rule that fired (the
 * processor refuses any other), so each one listed here is a check that was actually skipped.
 */
final class WaiverList {
  static final String WAIVE = "dev.bulwark.annotations.Waive";
  static final String WAIVE_LIST = "dev.bulwark.annotations.Waive.List";

  private WaiverList() {}

  /** The waivers on the element, in declaration order, each labelled {@code on}. */
  static List<Map<String, Object>> on(Element element, String on) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      String name = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
      if (name.equals(WAIVE)) {
        out.add(entry(m, on));
      } else if (name.equals(WAIVE_LIST)) {
        for (var e : m.getElementValues().entrySet()) {
          for (Object item : (List<?>) e.getValue().getValue()) {
            out.add(entry((AnnotationMirror) ((AnnotationValue) item).getValue(), on));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, Object> entry(AnnotationMirror m, String on) {
    String rule = "";
    String reason = "";
    for (var e : m.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("rule")) {
        rule = e.getValue().getValue().toString();
      } else if (e.getKey().getSimpleName().contentEquals("reason")) {
        reason = e.getValue().getValue().toString();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule", rule);
    out.put("reason", reason);
    out.put("on", on);
    return out;
  }
}
