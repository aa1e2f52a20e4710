package dev.bulwark.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data-access annotations are read by the processor only: CLASS retention, invisible at run time. */
class DataAnnotationsRetentionTest {
  private static final List<Class<?>> ALL = List.of(Repository.class, Sql.class, GeneratedKey.class, SqlText.class,
      Encrypted.class);

  @Test
  void everyDataAnnotationHasClassRetention() {
    for (Class<?> type : ALL) {
      assertEquals(RetentionPolicy.CLASS, type.getAnnotation(Retention.class).value(), type.getSimpleName());
    }
  }

  @Test
  void dataAnnotationsAreInvisibleAtRunTime() throws NoSuchMethodException {
    assertEquals(0, Probe.class.getAnnotations().length);
    assertEquals(0, Probe.class.getMethod("count").getAnnotations().length);
    assertEquals(0, Row.class.getRecordComponents()[1].getAnnotations().length);
  }

  @Repository
  interface Probe {
    @Sql("SELECT count(*) FROM t")
    @GeneratedKey("id")
    long count();
  }

  record Row(long id, @Encrypted(table = "t", rowKey = "id") String secret) {}
}
