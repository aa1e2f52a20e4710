package dev.bulwark.processor;

import com.palantir.javapoet.JavaFile;
import dev.bulwark.processor.rules.Rule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The loop every Bulwark processor runs: the annotated types in name order (so output never depends on discovery
 * order), one step each, and an exception in a step reported as one BW099 error on its type, with the stack trace,
 * so the other types still go through.
 */
public final class TypeSteps {
  /** Reads one type and returns the file to write, or empty when its errors were reported. */
  @FunctionalInterface
  public interface Step {
    Optional<JavaFile> apply(TypeElement type) throws IOException;
  }

  private TypeSteps() {}

  /** Runs the step over every type annotated with the annotation, writing what it returns. */
  public static void run(ProcessingEnvironment env, RoundEnvironment round, TypeElement annotation, Step step) {
    List<TypeElement> types = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWith(annotation)) {
      if (element instanceof TypeElement type) {
        types.add(type);
      }
    }
    types.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (TypeElement type : types) {
      try {
        Optional<JavaFile> file = step.apply(type);
        if (file.isPresent()) {
          file.get().writeTo(env.getFiler());
        }
      } catch (IOException | RuntimeException | Error e) {
        internalError(env, type.getQualifiedName(), e, type);
      }
    }
  }

  /**
   * Reports a failure of Bulwark itself (never of the user's code) as one BW099 error with the stack trace, which is
   * what a bug report needs; the processor has no logger but the compiler's messages. {@code at} may be null.
   */
  public static void internalError(ProcessingEnvironment env, Object subject, Throwable e, Element at) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String message = Rule.BW099.format(subject) + "\n" + trace;
    if (at == null) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, message);
    } else {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, message, at);
    }
  }
}
