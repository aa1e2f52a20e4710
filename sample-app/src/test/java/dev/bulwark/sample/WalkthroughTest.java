package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.processor.BulwarkProcessor;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the README's walkthrough block, command by command, against both servers and checks what each {@code # ->}
 * comment says: the statuses, and the headers, fields and text it names. The block is read from README.md itself, so
 * the README cannot drift from what the sample does. It understands exactly the shell the block uses: {@code curl}
 * with {@code -i -s -o -w -X -H -d}, {@code VAR=$(...)}, {@code VAR=$OTHER}, {@code echo "$VAR" | jq -r .path}, and
 * {@code for i in $(seq A B); do ...; done}; anything else fails the test, so a new kind of step needs this class too.
 * Also compiles the README's insecure declaration with the processor and compares the error with the one shown.
 */
class WalkthroughTest {
  private static final Pattern EXPECT = Pattern.compile("\\s#\\s->\\s(.*)$");
  private static final Pattern ASSIGN = Pattern.compile("^([A-Z_]+)=\\$\\((.*)\\)$");
  private static final Pattern COPY = Pattern.compile("^([A-Z_]+)=(\\$[A-Z_]+)$");
  private static final Pattern LOOP = Pattern.compile("^for i in \\$\\(seq (\\d+) (\\d+)\\); do (.*); done$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** One logical command of the block and what its comment expects. */
  record Step(int line, String command, List<String> expected) {}

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void theReadmeWalkthroughGivesWhatItSays(ServerKind kind) throws IOException {
    List<Step> steps = steps(section("<!-- walkthrough:start -->", "<!-- walkthrough:end -->", "sh"));
    assertTrue(steps.size() >= 30, "the walkthrough block was not read: " + steps.size() + " steps");
    long checked = steps.stream().filter(s -> !s.expected().isEmpty()).count();
    assertTrue(checked >= 25, "too few checked steps: " + checked);
    try (BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind), Map.of())) {
      Shell shell = new Shell(server.baseUrl());
      for (Step step : steps) {
        shell.run(step);
      }
    }
  }

  @Test
  void theReadmesInsecureDeclarationFailsWithTheErrorItShows(@TempDir Path dir) throws IOException {
    String source = section("<!-- walkthrough-compile:start -->", "<!-- walkthrough-compile:end -->", "java");
    String shown = section("<!-- walkthrough-error -->", null, "").lines().findFirst().orElseThrow();
    Matcher m = Pattern.compile("^(\\w+\\.java):(\\d+): error: (.*)$").matcher(shown);
    assertTrue(m.matches(), "the README's error line is not in javac's form: " + shown);
    Path file = dir.resolve(m.group(1));
    Files.writeString(file, source);
    Path classes = Files.createDirectory(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), files, diagnostics,
          List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")), null,
          files.getJavaFileObjects(file));
      task.setProcessors(List.of(new BulwarkProcessor()));
      assertFalse(task.call(), "the insecure declaration compiled");
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    assertEquals(List.of(m.group(2) + ": " + m.group(3)), errors);
  }

  /** A fenced block of the README after {@code start} (and before {@code end}, when given). */
  static String section(String start, String end, String language) throws IOException {
    String readme = Files.readString(readme());
    int from = readme.indexOf(start);
    assertTrue(from >= 0, "README.md has no " + start);
    int to = end == null ? readme.length() : readme.indexOf(end, from);
    assertTrue(to > from, "README.md has no " + end + " after " + start);
    String part = readme.substring(from + start.length(), to);
    String fence = "```" + language + "\n";
    int open = part.indexOf(fence);
    assertTrue(open >= 0, "no ```" + language + " block after " + start);
    int close = part.indexOf("\n```", open + fence.length());
    return part.substring(open + fence.length(), close + 1);
  }

  private static Path readme() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("sample-app")))) {
      dir = dir.getParent();
    }
    assertNotNull(dir, "no README.md above " + Path.of("").toAbsolutePath());
    return dir.resolve("README.md");
  }

  /** The block's logical commands: continuation lines joined, comment lines dropped, the expectation split off. */
  static List<Step> steps(String block) {
    List<Step> steps = new ArrayList<>();
    String[] lines = block.split("\n");
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      StringBuilder command = new StringBuilder(lines[i]);
      while (command.toString().endsWith("\\") && i + 1 < lines.length) {
        command.setLength(command.length() - 1);
        command.append(lines[++i].strip().isEmpty() ? "" : " " + lines[i].strip());
      }
      String text = command.toString().strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      List<String> expected = new ArrayList<>();
      Matcher m = EXPECT.matcher(text);
      if (m.find()) {
        expected.addAll(List.of(m.group(1).strip().split("\\s+")));
        text = text.substring(0, m.start()).strip();
      }
      steps.add(new Step(first + 1, text, expected));
    }
    return steps;
  }

  /** Just enough of a shell for the walkthrough: variables, curl, echo, jq and a counted loop. */
  static final class Shell {
    private final String base;
    private final Map<String, String> vars = new HashMap<>();
    private final List<HttpResponse<String>> responses = new ArrayList<>();

    Shell(String base) {
      this.base = base;
    }

    void run(Step step) {
      responses.clear();
      String where = "walkthrough line " + step.line() + ": " + step.command();
      Matcher assign = ASSIGN.matcher(step.command());
      Matcher loop = LOOP.matcher(step.command());
      Matcher copy = COPY.matcher(step.command());
      if (copy.matches()) {
        vars.put(copy.group(1), String.join(" ", words(copy.group(2), where)));
      } else if (assign.matches()) {
        vars.put(assign.group(1), pipeline(assign.group(2), where).strip());
      } else if (loop.matches()) {
        for (int i = Integer.parseInt(loop.group(1)); i <= Integer.parseInt(loop.group(2)); i++) {
          pipeline(loop.group(3), where);
        }
      } else {
        pipeline(step.command(), where);
      }
      check(step, where);
    }

    private void check(Step step, String where) {
      List<String> statuses = new ArrayList<>();
      List<String> checks = new ArrayList<>();
      for (String word : step.expected()) {
        (word.matches("\\d{3}") ? statuses : checks).add(word);
      }
      List<String> actual = new ArrayList<>();
      responses.forEach(r -> actual.add(Integer.toString(r.statusCode())));
      if (!responses.isEmpty()) {
        assertFalse(statuses.isEmpty(), where + ": a request without an expected status");
      }
      HttpResponse<String> last = responses.isEmpty() ? null : responses.get(responses.size() - 1);
      assertEquals(statuses, actual, where + (last == null ? "" : " answered " + last.body()));
      for (String check : checks) {
        assertNotNull(last, where + ": " + check + " without a response");
        String body = last.body();
        if (check.startsWith("header:")) {
          assertTrue(last.headers().firstValue(check.substring(7)).isPresent(), where + ": no " + check);
        } else if (check.startsWith("field:")) {
          List<String> fields = new ArrayList<>();
          json(body, where).path("errors").forEach(e -> fields.add(e.path("field").asText()));
          assertTrue(fields.contains(check.substring(6)), where + ": errors name " + fields + ", not " + check);
        } else if (check.startsWith("!contains:")) {
          assertFalse(body.contains(check.substring(10)), where + ": the body contains " + check.substring(10) + ": " + body);
        } else if (check.startsWith("contains:")) {
          assertTrue(body.contains(check.substring(9)), where + ": the body lacks " + check.substring(9) + ": " + body);
        } else {
          throw new AssertionError(where + ": unknown check " + check);
        }
      }
    }

    /** Runs {@code a | b | c}, each stage reading the previous one's output; returns the last one's output. */
    private String pipeline(String text, String where) {
      String out = "";
      for (String stage : splitUnquoted(text, '|')) {
        List<String> words = words(stage.strip(), where);
        out = switch (words.get(0)) {
          case "curl" -> curl(words.subList(1, words.size()), where);
          case "echo" -> String.join(" ", words.subList(1, words.size())) + "\n";
          case "jq" -> jq(words, out, where);
          default -> throw new AssertionError(where + ": the walkthrough shell does not know " + words.get(0));
        };
      }
      return out;
    }

    private String curl(List<String> args, String where) {
      String method = null;
      String data = null;
      String writeOut = null;
      boolean include = false;
      boolean discard = false;
      String url = null;
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        switch (a) {
          case "-X" -> method = args.get(++i);
          case "-H" -> {
            String h = args.get(++i);
            headers.put(h.substring(0, h.indexOf(':')).strip(), h.substring(h.indexOf(':') + 1).strip());
          }
          case "-d" -> data = args.get(++i);
          case "-w" -> writeOut = args.get(++i);
          case "-o" -> discard = "/dev/null".equals(args.get(++i));
          case "-i" -> include = true;
          case "-s" -> { }
          default -> {
            if (a.startsWith("-")) {
              throw new AssertionError(where + ": the walkthrough shell does not know curl " + a);
            }
            url = a;
          }
        }
      }
      assertNotNull(url, where + ": curl without a URL");
      assertTrue(url.startsWith("localhost:8080/"), where + ": the walkthrough talks to localhost:8080 only");
      if (method == null) {
        method = data == null ? "GET" : "POST";
      }
      if (data != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
        headers.put("Content-Type", "application/x-www-form-urlencoded");  // what curl -d sends
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + url.substring("localhost:8080".length())))
          .timeout(Duration.ofSeconds(20))
          .method(method, data == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(data));
      headers.forEach(request::header);
      HttpResponse<String> response;
      try {
        response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new AssertionError(where + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      responses.add(response);
      String out = discard ? "" : (include ? response.headers().map() + "\n\n" : "") + response.body();
      if (writeOut != null) {
        assertEquals("%{http_code}\\n", writeOut, where + ": only -w '%{http_code}\\n' is understood");
        out += response.statusCode() + "\n";
      }
      return out;
    }

    private static String jq(List<String> words, String input, String where) {
      assertEquals(3, words.size(), where + ": only jq -r .path is understood");
      assertEquals("-r", words.get(1), where);
      JsonNode node = json(input, where);
      for (String part : words.get(2).substring(1).split("\\.")) {
        if (part.isEmpty()) {
          continue;
        }
        node = part.matches("\\[\\d+]") ? node.path(Integer.parseInt(part.substring(1, part.length() - 1)))
            : node.path(part);
      }
      assertFalse(node.isMissingNode() || node.isNull(), where + ": jq found no " + words.get(2) + " in " + input);
      return node.asText() + "\n";
    }

    private static JsonNode json(String text, String where) {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError(where + ": not JSON: " + text, e);
      }
    }

    /** Shell words: single quotes literal, double quotes and bare words with {@code $VAR} expanded. */
    private List<String> words(String text, String where) {
      List<String> out = new ArrayList<>();
      StringBuilder word = null;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          if (word != null) {
            out.add(word.toString());
            word = null;
          }
          continue;
        }
        if (word == null) {
          word = new StringBuilder();
        }
        if (c == '\'') {
          int close = text.indexOf('\'', i + 1);
          assertTrue(close > i, where + ": unclosed quote");
          word.append(text, i + 1, close);
          i = close;
        } else if (c == '"') {
          i++;
          while (i < text.length() && text.charAt(i) != '"') {
            char d = text.charAt(i);
            if (d == '\\' && i + 1 < text.length() && "\"\\$".indexOf(text.charAt(i + 1)) >= 0) {
              word.append(text.charAt(++i));
            } else if (d == '$') {
              i = expand(text, i, word, where);
            } else {
              word.append(d);
            }
            i++;
          }
          assertTrue(i < text.length(), where + ": unclosed double quote");
        } else if (c == '$') {
          i = expand(text, i, word, where);
        } else {
          word.append(c);
        }
      }
      if (word != null) {
        out.add(word.toString());
      }
      return out;
    }

    /** Appends the value of the variable at {@code $} and returns the index of its last character. */
    private int expand(String text, int dollar, StringBuilder into, String where) {
      int end = dollar + 1;
      while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
        end++;
      }
      String name = text.substring(dollar + 1, end);
      assertTrue(vars.containsKey(name), where + ": $" + name + " is not set");
      into.append(vars.get(name));
      return end - 1;
    }

    private static List<String> splitUnquoted(String text, char separator) {
      List<String> out = new ArrayList<>();
      StringBuilder part = new StringBuilder();
      char quote = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quote == 0 && (c == '\'' || c == '"')) {
          quote = c;
        } else if (c == quote && (quote == '\'' || text.charAt(i - 1) != '\\')) {
          quote = 0;
        } else if (quote == 0 && c == separator) {
          out.add(part.toString());
          part.setLength(0);
          continue;
        }
        part.append(c);
      }
      out.add(part.toString());
      return out;
    }
  }
}
