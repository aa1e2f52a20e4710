package dev.bulwark.processor.sql.reading;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Finds the data-access annotations by exact qualified name (a user's own {@code @Sql} is not ours). */
final class SqlAnnotations {
  static final String PACKAGE = "dev.bulwark.annotations.";
  static final String REPOSITORY = PACKAGE + "Repository";
  static final String SQL = PACKAGE + "Sql";
  static final String GENERATED_KEY = PACKAGE + "GeneratedKey";
  static final String ENCRYPTED = PACKAGE + "Encrypted";
  static final String SQL_TEXT = PACKAGE + "SqlText";

  private SqlAnnotations() {}

  /** The annotation with that qualified name on the element, or {@code null}. */
  static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  /** A string member's explicit value, or {@code ""} (none of our members has a default). */
  static String string(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        Object value = e.getValue().getValue();
        return value == null ? "" : value.toString();
      }
    }
    return "";
  }
}
