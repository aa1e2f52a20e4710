package dev.bulwark.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The error-body oracle: every response the suite receives (through {@link Http} or {@link Raw}) is checked here for
 * stack traces, Java class names, SQL text, H2 and PostgreSQL error patterns, file paths, secret-looking JSON fields
 * (OWASP API3) and the text of any token, password or key the suite holds. A finding fails the request that saw it.
 */
final class Oracle {
  /** What a response must never contain, each with the name a failure reports. */
  static final Map<String, Pattern> LEAKS = Map.ofEntries(
      Map.entry("stack trace frame", Pattern.compile("\\bat [A-Za-z_$][\\w$]*(\\.[\\w$<>]+)+\\(")),
      Map.entry("stack trace cause", Pattern.compile("Caused by: |\\.java:\\d+\\)|\\(Native Method\\)|\\(Unknown Source\\)")),
      Map.entry("Java class name", Pattern.compile(
          "\\b(java|javax|jakarta|sun|jdk|dev\\.bulwark|com\\.fasterxml|org\\.eclipse\\.jetty|io\\.javalin|com\\.zaxxer"
          + "|org\\.flywaydb|com\\.auth0|io\\.lettuce|org\\.bouncycastle|org\\.postgresql|org\\.h2)\\.[a-z]")),
      Map.entry("exception name", Pattern.compile("\\b[A-Z][A-Za-z]*[a-z](Exception|Error)\\b|\\bException\\b|Throwable")),
      Map.entry("SQL text", Pattern.compile("(?i)\\bselect\\b[^\"]{0,200}\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+set\\b"
          + "|\\bdelete\\s+from\\b|\\bjdbc:|\\bprepared ?statement\\b")),
      Map.entry("database error", Pattern.compile("(?i)SQLSTATE|SQL state|org\\.h2|JdbcSQL|PSQLException|syntax error at or near"
          + "|Syntax error in SQL statement|duplicate key value|violates (unique|foreign key|not-null|check) constraint"
          + "|Unique index or primary key violation|Referential integrity constraint|relation \\\\?\"|\\bERROR: |HikariPool"
          + "|Flyway|Table \\\\?\"[A-Z_]+\\\\?\" not found|Column \\\\?\"[A-Za-z_]+\\\\?\" not found")),
      Map.entry("file path", Pattern.compile("(?<![\\w.])/(home|tmp|usr|work|etc|var|opt|root|proc|srv|Users)/|[A-Za-z]:\\\\\\\\?[A-Za-z]"
          + "|\\bfile:/|\\.(java|class|jar|properties|sql)\\b")),
      Map.entry("password hash", Pattern.compile("\\$argon2|\\$2[aby]\\$|\\$pbkdf2")),
      Map.entry("JSON Web Token", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.")));

  /** JSON field names that carry a secret; only the responses that issue one to its owner may have them. */
  static final Pattern SECRET_FIELD = Pattern.compile(
      "(?i).*(password|passwd|hash|salt|secret|totp|otp|recovery|private|credential|token|apikey|api_key).*|key|keys|pepper|iv|nonce");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  private static final AtomicLong CHECKED = new AtomicLong();

  private Oracle() {}

  /** Remembers a value that no response may repeat (from now on), and returns it. */
  static String secret(String value) {
    if (value != null && value.length() >= 8) {
      SECRETS.add(value);
    }
    return value;
  }

  /**
   * The server log of this JVM (slf4j-simple writes it to {@code security.test.log}) holds none of the passwords,
   * tokens, keys and secrets the suite has used or been given so far (ASVS V16.2.5).
   */
  static void assertLogHoldsNoSecret() throws IOException {
    String file = System.getProperty("security.test.log");
    if (file == null) {
      throw new AssertionError("security.test.log is not set: the surefire configuration sends the server log there");
    }
    java.nio.file.Path path = java.nio.file.Path.of(file);
    if (!java.nio.file.Files.exists(path)) {
      return; // no server has logged yet
    }
    String log = java.nio.file.Files.readString(path);
    for (String secret : SECRETS) {
      if (log.contains(secret)) {
        throw new AssertionError("the server log holds a password, token or key the suite used (" + secret.length()
            + " characters, starting " + secret.substring(0, 4) + "...)");
      }
    }
  }

  /** How many responses the oracle has checked in this JVM. */
  static long checked() {
    return CHECKED.get();
  }

  /**
   * Checks one response. {@code issuance} is true for the few 2xx responses that hand a new credential to the caller
   * who asked for it (a token pair, an API key, a TOTP enrolment): their secret fields are allowed, and their values
   * join the secrets no later response may repeat.
   */
  static void check(String request, int status, Map<String, List<String>> headers, String body, boolean issuance) {
    CHECKED.incrementAndGet();
    List<String> findings = new ArrayList<>();
    StringBuilder headerText = new StringBuilder();
    headers.forEach((name, values) -> {
      if (name != null && !name.equalsIgnoreCase("content-security-policy") && !name.equalsIgnoreCase("permissions-policy")) {
        values.forEach(v -> headerText.append(name).append(": ").append(v).append('\n'));
      }
    });
    boolean issued = issuance && status / 100 == 2;
    scan("header", headerText.toString(), findings, false);
    scan("body", body == null ? "" : body, findings, issued);
    JsonNode json = parse(body);
    if (json != null && !issued) {
      secretFields(json, "", findings);
    }
    if (!findings.isEmpty()) {
      throw new AssertionError("the error-body oracle found " + findings + " in the response to " + request + " ("
          + status + "): " + headerText + "\n" + body);
    }
    if (issued && json != null) {
      harvest(json, false);
    }
  }

  /** The leak patterns and known secrets found in {@code text}; public so {@link OracleTest} can prove each fires. */
  static List<String> findings(String text) {
    List<String> findings = new ArrayList<>();
    scan("text", text, findings, false);
    return findings;
  }

  private static void scan(String where, String text, List<String> findings, boolean issued) {
    LEAKS.forEach((name, pattern) -> {
      if (issued && name.equals("JSON Web Token")) {
        return; // a token pair is the one body that carries an access token
      }
      var m = pattern.matcher(text);
      if (m.find()) {
        findings.add(name + " in " + where + " ('" + m.group() + "')");
      }
    });
    for (String secret : SECRETS) {
      if (text.contains(secret)) {
        findings.add("a password, token or key the suite holds, in " + where);
      }
    }
  }

  private static void secretFields(JsonNode node, String path, List<String> findings) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (SECRET_FIELD.matcher(field.getKey()).matches()) {
          findings.add("secret-looking field " + path + "." + field.getKey());
        }
        secretFields(field.getValue(), path + "." + field.getKey(), findings);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        secretFields(element, path + "[]", findings);
      }
    }
  }

  private static void harvest(JsonNode node, boolean secretField) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> harvest(f.getValue(), SECRET_FIELD.matcher(f.getKey()).matches()
          && !f.getKey().equals("tokenType")));
    } else if (node.isArray()) {
      node.forEach(element -> harvest(element, secretField));
    } else if (secretField && node.isTextual()) {
      secret(node.asText());
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank() || !(body.startsWith("{") || body.startsWith("["))) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
