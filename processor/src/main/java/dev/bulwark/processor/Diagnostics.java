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
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** An error on an element. */
  public void error(Element element, Rule rule, Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, rule.format(args), element);
  }

  /** An error on an annotation of an element, so IDEs underline the annotation itself. */
  public void error(Element element, AnnotationMirror annotation, Rule rule, Object... args) {
    errors++;
    if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, rule.format(args), element);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, rule.format(args), element, annotation);
    }
  }

  /** How many errors have been reported so far; compare before and after reading one type. */
  public int errorCount() {
    return errors;
  }
}
