package dev.bulwark.processor;

import dev.bulwark.processor.rules.Rule;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports rule violations on the most specific element (and annotation, when there is one) and remembers whether any
 * error was reported for the type being read, so that its writers are skipped while other types carry on.
 */
public final class Diagnostics {
  private final Messager messager;
  private final Waivers waivers = new Waivers();
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** An error on an element, unless a valid {@code @Waive} on that very element sets the rule aside. */
  public void error(Element element, Rule rule, Object... args) {
    error(element, null, rule, args);
  }

  /** An error on an annotation of an element, so IDEs underline the annotation itself. */
  public void error(Element element, AnnotationMirror annotation, Rule rule, Object... args) {
    String message = rule.format(args);
    String reason = rule.waivable() ? waivers.use(element, rule) : null;
    if (reason != null) {
      messager.printMessage(Diagnostic.Kind.NOTE, "[" + rule.name() + "] waived (" + reason + "): " + message, element);
      return;
    }
    errors++;
    if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    }
  }

  /** After a round: every waiver must name a known, waivable rule, give a reason, and have waived something. */
  public void checkWaivers(java.util.Collection<? extends Element> waived) {
    waivers.check(waived, this);
  }

  /** How many errors have been reported so far; compare before and after reading one type. */
  public int errorCount() {
    return errors;
  }
}
