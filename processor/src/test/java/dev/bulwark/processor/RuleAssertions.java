package dev.bulwark.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.bulwark.processor.rules.Rule;
import java.util.EnumSet;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The negative compile test every rule family uses: compile a source whose offending line is marked {@code // <-},
 * and assert that only the expected rule fired, in that file, on that line, with a fix hint.
 */
public final class RuleAssertions {
  private RuleAssertions() {}

  /** Compiles {@code test.Api} from the text, asserts the rule, records it as covered, and returns the message. */
  public static String expect(Rule rule, String text, Set<Rule> covered) {
    covered.add(rule);
    JavaFileObject source = Compilations.source("test.Api", text);
    Compilation compilation = Compilations.compile(source);
    assertThat(compilation).hadErrorContaining("[" + rule.name() + "]").inFile(source).onLine(markedLine(text));
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      String message = d.getMessage(null);
      assertTrue(message.startsWith("[" + rule.name() + "] "), "unexpected other error: " + message);
      assertTrue(message.contains("; "), "no fix hint: " + message);
    }
    return compilation.errors().get(0).getMessage(null);
  }

  /** The 1-based line that carries the {@code // <-} marker. */
  public static long markedLine(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// <-")) {
        return i + 1;
      }
    }
    throw new AssertionError("no // <- marker");
  }

  /** Fails when a rule whose id starts with the prefix has no negative test among the covered ones. */
  public static void assertFamilyCovered(String prefix, Set<Rule> covered, Set<Rule> exempt) {
    Set<Rule> family = EnumSet.noneOf(Rule.class);
    for (Rule rule : Rule.values()) {
      if (rule.name().startsWith(prefix) && !exempt.contains(rule)) {
        family.add(rule);
      }
    }
    family.removeAll(covered);
    assertEquals(Set.of(), family, "rules without a negative compile test");
  }
}
