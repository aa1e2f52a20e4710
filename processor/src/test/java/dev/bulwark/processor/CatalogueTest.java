package dev.bulwark.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.processor.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} is rendered from {@link Rule}; this test fails when they differ. Regenerate with
 * {@code -Dbulwark.golden.update=true}.
 */
class CatalogueTest {
  @Test
  void docsMatchTheCatalogue() throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Build rules\n\n")
        .append("Every user error the Bulwark processor reports. Each has a stable id; the message reads\n")
        .append("`[BWnnn] what is wrong (the value); how to fix it` and sits on the offending element.\n")
        .append("This page is generated from `processor/src/main/java/dev/bulwark/processor/rules/Rule.java`\n")
        .append("by `CatalogueTest` (`mvn -pl processor test -Dbulwark.golden.update=true`); do not edit it by hand.\n\n")
        .append("A rule marked waivable accepts `@Waive(rule = \"BWnnn\", reason = \"...\")` on the element it fires on;\n")
        .append("the build prints every waiver as a note. The others cannot be waived.\n\n")
        .append("| id | rule | waivable | what is reported | how to fix it |\n| --- | --- | --- | --- | --- |\n");
    for (Rule rule : Rule.values()) {
      md.append("| ").append(rule.name()).append(" | ").append(rule.title()).append(" | ")
          .append(rule.waivable() ? "yes" : "no").append(" | ")
          .append(cell(rule.problemTemplate())).append(" | ").append(cell(rule.fixTemplate())).append(" |\n");
    }
    Path docs = Paths.get(System.getProperty("bulwark.golden.dir", "src/test/resources/golden"))
        .resolve("../../../../../docs/rules.md").normalize();
    if (Boolean.getBoolean("bulwark.golden.update")) {
      Files.writeString(docs, md.toString(), StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(docs), docs + " is missing; run with -Dbulwark.golden.update=true");
    assertEquals(md.toString(), Files.readString(docs, StandardCharsets.UTF_8));
  }

  @Test
  void messagesHaveTheRuleIdAndAFix() {
    assertEquals("[BW012] @Status(302) on Api.a is not a success status; use a status from 200 to 299, such as 201 for a creation",
        Rule.BW012.format(302, "Api.a"));
    assertEquals("[BW003] the path variable {id} in GET /x/{id} (Api.a) has no @PathParam(\"id\") parameter; "
        + "add a parameter annotated @PathParam(\"id\"), or remove the variable from the path",
        Rule.BW003.format("id", "GET /x/{id} (Api.a)", "id", "id"));
  }

  private static String cell(String template) {
    return template.replace("%s", "…").replace("%d", "…").replace("|", "\\|");
  }
}
