package dev.bulwark.processor;

import dev.bulwark.processor.rules.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The {@code @Waive} annotations of a round: which one sets a rule aside on an element, and, once the round has been
 * read, which were malformed or waived nothing. Waivers are matched on the exact element a rule fires on.
 */
public final class Waivers {
  static final String WAIVE = "dev.bulwark.annotations.Waive";
  static final String WAIVE_LIST = "dev.bulwark.annotations.Waive.List";

  private final Set<String> used = new HashSet<>();

  /** The reason of a waiver of the rule on this element, marking it used; {@code null} when there is none. */
  String use(Element element, Rule rule) {
    if (element == null) {
      return null;
    }
    for (Waiver w : waiversOn(element)) {
      if (w.rule().equals(rule.name()) && !w.reason().isBlank()) {
        used.add(key(element, w.rule()));
        return w.reason();
      }
    }
    return null;
  }

  void check(Collection<? extends Element> annotated, Diagnostics diagnostics) {
    for (Element element : annotated) {
      if (isRecordCopy(element)) {
        continue;
      }
      for (Waiver w : waiversOn(element)) {
        Rule rule = known(w.rule());
        String where = element.getSimpleName().toString();
        if (rule == null) {
          diagnostics.error(element, Rule.BW510, w.rule(), where);
        } else if (!rule.waivable()) {
          diagnostics.error(element, Rule.BW513, w.rule(), where);
        } else if (w.reason().isBlank()) {
          diagnostics.error(element, Rule.BW512, w.rule(), where);
        } else if (!used.contains(key(element, w.rule()))) {
          diagnostics.error(element, Rule.BW511, w.rule(), where);
        }
      }
    }
  }

  /**
   * A waiver written on a record component is copied by javac onto its field, accessor and canonical constructor
   * parameter; rules fire on the field, so only the field's copy is checked.
   */
  private static boolean isRecordCopy(Element element) {
    Element owner = element.getEnclosingElement();
    switch (element.getKind()) {
      case RECORD_COMPONENT:
        return true;
      case METHOD:
        return owner.getKind() == javax.lang.model.element.ElementKind.RECORD
            && ((javax.lang.model.element.ExecutableElement) element).getParameters().isEmpty()
            && ((TypeElement) owner).getRecordComponents().stream().anyMatch(c -> c.getSimpleName().equals(element.getSimpleName()));
      case PARAMETER:
        return owner.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR
            && owner.getEnclosingElement().getKind() == javax.lang.model.element.ElementKind.RECORD;
      default:
        return false;
    }
  }

  private static Rule known(String id) {
    for (Rule rule : Rule.values()) {
      if (rule.name().equals(id)) {
        return rule;
      }
    }
    return null;
  }

  private static String key(Element element, String rule) {
    return System.identityHashCode(element) + ":" + element + ":" + rule;
  }

  /** One {@code @Waive}: the rule it sets aside and the reason written for it. */
  public record Waiver(String rule, String reason) {}

  /** The {@code @Waive} annotations written on the element, repeated ones included, in declaration order. */
  public static List<Waiver> waiversOn(Element element) {
    List<Waiver> out = new ArrayList<>();
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      String name = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
      if (name.equals(WAIVE)) {
        out.add(read(m));
      } else if (name.equals(WAIVE_LIST)) {
        for (var e : m.getElementValues().entrySet()) {
          for (Object item : (List<?>) e.getValue().getValue()) {
            out.add(read((AnnotationMirror) ((AnnotationValue) item).getValue()));
          }
        }
      }
    }
    return out;
  }

  private static Waiver read(AnnotationMirror m) {
    String rule = "";
    String reason = "";
    for (var e : m.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("rule")) {
        rule = e.getValue().getValue().toString();
      } else if (e.getKey().getSimpleName().contentEquals("reason")) {
        reason = e.getValue().getValue().toString();
      }
    }
    return new Waiver(rule, reason);
  }
}
