package dev.bulwark.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.bulwark.processor.rules.Rule;
import java.util.EnumSet;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Waivers: a valid one turns an error into a note; a malformed or idle one is an error of its own. */
class WaiverRulesTest {
  private static final String HEADER = "package test;\nimport dev.bulwark.annotations.*;"
      + " import jakarta.validation.constraints.*; import java.util.*;\n";
  private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

  private static String expect(Rule rule, String body) {
    return RuleAssertions.expect(rule, HEADER + body, COVERED);
  }

  @Test
  void aWaiverTurnsTheErrorIntoANote() {
    JavaFileObject source = Compilations.source("test.Api", HEADER + """
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @GET
          String a(@QueryParam("q") @Waive(rule = "BW204", reason = "an upstream gateway caps the query at 256 bytes") String q);
        }
        """);
    Compilation compilation = Compilations.compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[BW204] waived (an upstream gateway caps the query at 256 bytes)");
  }

  @Test
  void aWaiverOnARecordComponent() {
    Compilation compilation = Compilations.compile(Compilations.source("test.Api", HEADER + """
        @Validated
        public record Api(@Waive(rule = "BW204", reason = "bounded by the 1 MiB body limit") String notes) {}
        """));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[BW204] waived");
  }

  @Test
  void bw510UnknownRule() {
    expect(Rule.BW510, """
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @GET @Waive(rule = "BW999", reason = "r")
          String a(); // <-
        }
        """);
  }

  @Test
  void bw511WaiverThatWaivesNothing() {
    expect(Rule.BW511, """
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @GET @Waive(rule = "BW204", reason = "nothing here is unbounded")
          String a(@QueryParam("n") int n); // <-
        }
        """);
  }

  @Test
  void bw512BlankReason() {
    expect(Rule.BW512, """
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @GET
          String a(@QueryParam("q") @Waive(rule = "BW204", reason = " ") @Size(max = 3) String q); // <-
        }
        """);
  }

  @Test
  void bw513RulesThatCannotBeWaived() {
    expect(Rule.BW513, """
        @HttpApi("/x")
        public interface Api {
          @GET @Waive(rule = "BW101", reason = "we trust the network") @Public(reason = "t")
          String a(); // <-
        }
        """);
  }

  @AfterAll
  static void everyWaiverRuleHasANegativeTest() {
    Set<Rule> family = EnumSet.of(Rule.BW510, Rule.BW511, Rule.BW512, Rule.BW513);
    family.removeAll(COVERED);
    org.junit.jupiter.api.Assertions.assertEquals(Set.of(), family);
  }
}
