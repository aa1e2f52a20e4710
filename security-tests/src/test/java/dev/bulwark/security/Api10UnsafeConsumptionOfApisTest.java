package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OWASP API10:2023 Unsafe Consumption of APIs: not applicable to the sample, which calls no third-party API (its only
 * outbound connections are to its own PostgreSQL and Redis, through their drivers). This test keeps that statement
 * true: it fails as soon as the sample's sources use an HTTP or socket client, at which point the upstream's answers
 * need the same validation and limits as a client's (docs/verification.md, API10).
 */
class Api10UnsafeConsumptionOfApisTest {
  static final List<String> CLIENTS = List.of("java.net.http", "HttpClient", "HttpURLConnection", "openConnection(",
      "openStream(", "new Socket(", "SocketChannel", "okhttp3", "org.apache.hc", "org.apache.http", "RestTemplate",
      "WebClient", "retrofit2", "feign");

  @Test
  void theSampleConsumesNoThirdPartyApi() throws IOException {
    assertSampleSourcesLackAll(CLIENTS, "calls another API: test how it treats the answers (API10)");
  }

  @Test
  void theScanSeesTheSampleSources() throws IOException {
    // A scan of an empty or wrong directory would pass silently: it must see the sample's own classes.
    try (var files = Files.walk(sampleSources())) {
      assertTrue(files.filter(f -> f.toString().endsWith("PostsApi.java") || f.toString().endsWith("Main.java")).count() == 2);
    }
  }

  static Path sampleSources() {
    Path sources = Path.of(System.getProperty("bulwark.repo.root", ".."), "sample-app/src/main/java");
    assertTrue(Files.isDirectory(sources), sources.toString());
    return sources;
  }

  static void assertSampleSourcesLackAll(List<String> needles, String consequence) throws IOException {
    try (var files = Files.walk(sampleSources())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        for (String needle : needles) {
          assertFalse(text.contains(needle), file.getFileName() + " uses " + needle + ": the sample " + consequence);
        }
      }
    }
  }
}
