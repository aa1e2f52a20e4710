package dev.bulwark.processor;

import com.google.auto.service.AutoService;
import dev.bulwark.processor.reading.ApiReader;
import dev.bulwark.processor.validation.ValidatedTypeReader;
import dev.bulwark.processor.validation.ValueReader;
import dev.bulwark.processor.writing.RoutesWriter;
import dev.bulwark.processor.writing.ValidatorWriter;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Bulwark's annotation processor: for each {@code @HttpApi} type, read it into a model (reporting every rule it
 * breaks), and only when that type is clean, write its routes. One type's errors never stop the others, and nothing
 * escapes as an exception: an internal failure is reported as one error with its stack trace.
 */
@AutoService(Processor.class)
public final class BulwarkProcessor extends AbstractProcessor {
  static final String HTTP_API = "dev.bulwark.annotations.HttpApi";
  static final String VALIDATED = "dev.bulwark.annotations.Validated";
  static final String SENSITIVE = "dev.bulwark.annotations.Sensitive";

  /** The inventory and OpenAPI documents, collected over the rounds and written in the last. */
  private dev.bulwark.processor.inventory.BuildReports reports;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(HTTP_API, VALIDATED, SENSITIVE, Waivers.WAIVE, Waivers.WAIVE_LIST);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return dev.bulwark.processor.inventory.BuildReports.OPTIONS;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement httpApi = processingEnv.getElementUtils().getTypeElement(HTTP_API);
    if (httpApi == null) {
      return false;
    }
    if (reports == null) {
      reports = new dev.bulwark.processor.inventory.BuildReports(processingEnv);
    }
    if (round.processingOver()) {
      reports.write(round.errorRaised());
      return false;
    }
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    writeValidators(round, diagnostics);
    checkSensitiveRecords(round, diagnostics);
    ApiReader reader = new ApiReader(processingEnv, diagnostics);
    boolean generated = processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
    RoutesWriter writer = new RoutesWriter(generated);
    TypeSteps.run(processingEnv, round, httpApi, type -> reader.read(type).map(model -> {
      reports.add(model, type);
      return writer.write(model, type);
    }));
    java.util.Set<Element> waived = new java.util.LinkedHashSet<>();
    for (String annotation : new String[] {Waivers.WAIVE, Waivers.WAIVE_LIST}) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
      if (type != null) {
        waived.addAll(round.getElementsAnnotatedWith(type));
      }
    }
    diagnostics.checkWaivers(waived);
    return false;
  }

  /** Every record with a {@code @Sensitive} component overrides toString (BW502), wherever it is used. */
  private void checkSensitiveRecords(RoundEnvironment round, Diagnostics diagnostics) {
    TypeElement sensitive = processingEnv.getElementUtils().getTypeElement(SENSITIVE);
    if (sensitive == null) {
      return;
    }
    java.util.Map<String, TypeElement> records = new java.util.TreeMap<>();
    for (Element element : round.getElementsAnnotatedWith(sensitive)) {
      Element owner = element.getEnclosingElement();
      if (owner instanceof TypeElement type) {
        records.putIfAbsent(type.getQualifiedName().toString(), type);
      }
    }
    dev.bulwark.processor.sensitive.SensitiveChecks checks = new dev.bulwark.processor.sensitive.SensitiveChecks(diagnostics, processingEnv.getElementUtils());
    records.values().forEach(checks::checkRecord);
  }

  /** One validator per {@code @Validated} record, in name order. */
  private void writeValidators(RoundEnvironment round, Diagnostics diagnostics) {
    TypeElement validated = processingEnv.getElementUtils().getTypeElement(VALIDATED);
    if (validated == null) {
      return;
    }
    ValidatedTypeReader reader = new ValidatedTypeReader(
        new ValueReader(processingEnv.getTypeUtils(), processingEnv.getElementUtils(), diagnostics), diagnostics);
    boolean generated = processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
    ValidatorWriter writer = new ValidatorWriter(generated);
    TypeSteps.run(processingEnv, round, validated, type -> reader.read(type).map(model -> writer.write(model, type)));
  }
}
