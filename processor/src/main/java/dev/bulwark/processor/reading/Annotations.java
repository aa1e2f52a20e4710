package dev.bulwark.processor.reading;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Finds Bulwark's annotations by their exact qualified names (never by simple name, so a user's own {@code @GET}
 * is not mistaken for ours) and reads their values.
 */
final class Annotations {
  static final String PACKAGE = "dev.bulwark.annotations.";
  static final String HTTP_API = PACKAGE + "HttpApi";
  static final String PATH_PARAM = PACKAGE + "PathParam";
  static final String QUERY_PARAM = PACKAGE + "QueryParam";
  static final String HEADER_PARAM = PACKAGE + "HeaderParam";
  static final String BODY = PACKAGE + "Body";
  static final String STATUS = PACKAGE + "Status";
  static final String SECURED = PACKAGE + "Secured";
  static final String PUBLIC = PACKAGE + "Public";
  static final String CALLER = PACKAGE + "Caller";
  static final String[] HTTP_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};

  private Annotations() {}

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

  /** A member's value, defaults included. */
  static Object value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue().getValue();
      }
    }
    for (Element enclosed : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (enclosed instanceof ExecutableElement method && method.getSimpleName().contentEquals(member)
          && method.getDefaultValue() != null) {
        return method.getDefaultValue().getValue();
      }
    }
    return null;
  }

  /** A string member's value, or {@code ""}. */
  static String string(AnnotationMirror mirror, String member) {
    Object value = value(mirror, member);
    return value == null ? "" : value.toString();
  }
}
