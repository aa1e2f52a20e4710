package dev.bulwark.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the processor reads Bulwark's annotations: none may be visible to reflection at run time. */
class RetentionTest {
  private static final List<Class<?>> ALL = List.of(HttpApi.class, GET.class, POST.class, PUT.class, PATCH.class,
      DELETE.class, PathParam.class, QueryParam.class, HeaderParam.class, Body.class, Status.class, Secured.class,
      Public.class, Caller.class);

  @Test
  void everyAnnotationHasClassRetention() {
    for (Class<?> type : ALL) {
      assertEquals(RetentionPolicy.CLASS, type.getAnnotation(Retention.class).value(), type.getSimpleName());
    }
  }

  @Test
  void annotationsAreInvisibleAtRunTime() {
    @HttpApi("/x")
    interface Probe {}
    assertEquals(0, Probe.class.getAnnotations().length);
  }
}
