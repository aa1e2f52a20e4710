package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interpreters an attacker could reach are not there: no OS command, script engine, expression language, XML
 * parser, Java deserialization, JNDI lookup, LDAP or XPath query, template engine or mail client in the main sources
 * of the library modules or the sample (ASVS V1.2.5-V1.2.7, V1.3.2, V1.3.7, V1.3.8, V1.3.11, V1.5.1, V1.5.2). Each
 * scan fails the day one appears, so the "not applicable" in docs/asvs.md stays true.
 */
class SourceScanTest {
  static final List<String> MODULES = List.of("annotations", "auth", "ratelimit", "runtime", "data", "sample-app");

  static Stream<Arguments> interpreters() {
    return Map.of(
        "OS command (V1.2.5)", List.of("ProcessBuilder", "Runtime.getRuntime().exec", ".exec("),
        "LDAP (V1.2.6)", List.of("javax.naming.ldap", "DirContext", "LdapContext"),
        "XPath (V1.2.7)", List.of("javax.xml.xpath", "XPathFactory"),
        "dynamic code (V1.3.2)", List.of("ScriptEngine", "javax.script", "SpelExpressionParser", "org.springframework.expression",
            "ognl", "MVEL", "GroovyShell", "javax.el", "jakarta.el"),
        "templates (V1.3.7)", List.of("freemarker", "org.apache.velocity", "thymeleaf", "mustache", "pebble"),
        "JNDI (V1.3.8)", List.of("InitialContext", "javax.naming"),
        "mail (V1.3.11)", List.of("javax.mail", "jakarta.mail", "SMTP"),
        "XML parsing (V1.5.1)", List.of("DocumentBuilderFactory", "SAXParserFactory", "XMLInputFactory", "TransformerFactory",
            "XmlMapper", "javax.xml.parsers"),
        "Java deserialization (V1.5.2)", List.of("ObjectInputStream", "readObject(", "enableDefaultTyping", "activateDefaultTyping",
            "@JsonTypeInfo", "XMLDecoder"))
        .entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("interpreters")
  void noneOfTheMainSourcesUses(String what, List<String> needles) throws IOException {
    List<String> found = new ArrayList<>();
    int files = 0;
    for (String module : MODULES) {
      Path sources = Path.of(System.getProperty("bulwark.repo.root", ".."), module, "src/main/java");
      assertTrue(Files.isDirectory(sources), sources.toString());
      try (var walk = Files.walk(sources)) {
        for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
          files++;
          String text = Files.readString(file);
          for (String needle : needles) {
            if (text.contains(needle)) {
              found.add(module + "/" + file.getFileName() + ": " + needle);
            }
          }
        }
      }
    }
    assertTrue(files > 100, "scanned only " + files + " files");
    assertEquals(List.of(), found, what + " found in the main sources");
  }
}
