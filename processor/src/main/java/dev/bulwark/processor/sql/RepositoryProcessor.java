package dev.bulwark.processor.sql;

import com.google.auto.service.AutoService;
import dev.bulwark.processor.Diagnostics;
import dev.bulwark.processor.sql.reading.RepositoryReader;
import dev.bulwark.processor.sql.writing.RepositoryWriter;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

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
    dev.bulwark.processor.TypeSteps.run(processingEnv, round, repository,
        type -> reader.read(type).map(model -> writer.write(model, type)));
    return false;
  }
}
