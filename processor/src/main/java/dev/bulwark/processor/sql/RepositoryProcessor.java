package dev.bulwark.processor.sql;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.rules.Rule;
import dev.bulwark.processor.sql.model.RepositoryModel;
import dev.bulwark.processor.sql.reading.RepositoryReader;
import dev.bulwark.processor.sql.writing.RepositoryWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The data-access processor: for each {@code @Repository} type, read it into a model (reporting every BW4nn rule it
 * breaks) and, only when that type is clean, write {@code <Interface>_Jdbc}. Separate from the HTTP processor so
 * that each stays small; both share the rule catalogue and {@link Diagnostics}.
 */
@AutoService(Processor.class)
public final class RepositoryProcessor extends AbstractProcessor {
  static final String REPOSITORY = "dev.bulwark.annotations.Repository";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(REPOSITORY);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement repository = processingEnv.getElementUtils().getTypeElement(REPOSITORY);
    if (repository == null) {
      return false;
    }
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    RepositoryReader reader = new RepositoryReader(processingEnv, diagnostics);
    boolean generated = processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
    RepositoryWriter writer = new RepositoryWriter(generated);
    List<TypeElement> types = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWith(repository)) {
      types.add((TypeElement) element);
    }
    types.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (TypeElement type : types) {
      try {
        Optional<RepositoryModel> model = reader.read(type);
        if (model.isPresent()) {
          JavaFile file = writer.write(model.get(), type);
          file.writeTo(processingEnv.getFiler());
        }
      } catch (IOException | RuntimeException | Error e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Rule.BW099.format(type.getQualifiedName()) + "\n" + trace, type);
      }
    }
    return false;
  }
}
