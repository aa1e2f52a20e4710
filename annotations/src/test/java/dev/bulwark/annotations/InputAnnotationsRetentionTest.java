package dev.bulwark.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code @Sanitize} and {@code @OutboundUrl}: CLASS retention, and usable wherever a text input is declared. */
class InputAnnotationsRetentionTest {
  private static final List<Class<?>> ALL = List.of(Sanitize.class, OutboundUrl.class);

  @Test
  void classRetentionOnParametersFieldsComponentsAndTypeUses() {
    for (Class<?> type : ALL) {
      assertEquals(RetentionPolicy.CLASS, type.getAnnotation(Retention.class).value(), type.getSimpleName());
      assertEquals(Set.of(ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT,
          ElementType.TYPE_USE), Set.of(type.getAnnotation(Target.class).value()), type.getSimpleName());
    }
  }

  @Test
  void invisibleAtRunTime() {
    assertEquals(0, Probe.class.getRecordComponents()[0].getAnnotations().length);
    assertEquals(0, Probe.class.getRecordComponents()[1].getAnnotations().length);
  }

  record Probe(@Sanitize(Sanitize.Policy.BASIC_HTML) String body, @OutboundUrl List<@OutboundUrl String> links) {}
}
