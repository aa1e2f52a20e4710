package dev.bulwark.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.runtime.server.BulwarkServer;
import dev.bulwark.runtime.server.ServerKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample's auth surface over real HTTP, on both servers: registration, login without account enumeration,
 * refresh rotation with reuse detection, logout that revokes, roles, ownership, TOTP and API keys. At the end, the
 * test log is searched for every password and token the tests used.
 */
class AuthFlowTest {
  private static final String ADMIN_PASSWORD = "correct horse battery staple zebra";
  private static final List<String> SECRETS = new ArrayList<>();

  private static String secret(String value) {
    SECRETS.add(value);
    return value;
  }

  private record Running(BulwarkServer server, SampleApp app, Client client) implements AutoCloseable {
    @Override
    public void close() {
      server.stop();
    }
  }

  private static Running start(ServerKind kind) {
    Map<String, String> env = Map.of(SampleApp.ADMIN_PASSWORD_ENV, secret(ADMIN_PASSWORD));
    SampleApp app = new SampleApp(env, Clock.systemUTC(), message -> {});
    BulwarkServer server = Main.start(new Main.Options("127.0.0.1", 0, kind, "admin@example.com"), app, env);
    return new Running(server, app, new Client(server.baseUrl()));
  }

  private static String register(Client c, String email, String password) {
    Client.Reply r = c.post("/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + password
        + "\",\"name\":\"" + email.substring(0, email.indexOf('@')) + "\"}");
    assertEquals(201, r.status(), r.body());
    assertFalse(r.body().contains("argon2") || r.body().contains(password), r.body());
    return r.json().path("id").asText();
  }

  private static JsonNode login(Client c, String email, String password) {
    Client.Reply r = c.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertEquals(200, r.status(), r.body());
    JsonNode tokens = r.json();
    assertEquals("Bearer", tokens.path("tokenType").asText());
    secret(tokens.path("accessToken").asText());
    secret(tokens.path("refreshToken").asText());
    return tokens;
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void loginDoesNotRevealWhichAccountsExist(ServerKind kind) {
    try (Running app = start(kind)) {
      String password = secret("orange tractor whispers loudly " + kind);
      register(app.client(), "alice@example.com", password);
      long dummyBefore = app.app().auth.dummyVerifications();
      Client.Reply unknown = app.client().post("/api/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"" + password + "\"}");
      Client.Reply wrong = app.client().post("/api/auth/login", "{\"email\":\"alice@example.com\",\"password\":\"" + secret("wrong " + password) + "\"}");
      assertEquals(401, unknown.status());
      assertEquals(unknown.status(), wrong.status());
      assertEquals(unknown.problemWithoutId(), wrong.problemWithoutId());
      assertEquals(unknown.body().replace(unknown.json().path("requestId").asText(), ""),
          wrong.body().replace(wrong.json().path("requestId").asText(), ""), "the bodies differ beyond the request id");
      assertEquals(unknown.header("Content-Type"), wrong.header("Content-Type"));
      assertEquals(dummyBefore + 1, app.app().auth.dummyVerifications(), "the unknown account skipped the dummy hash");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void failedLoginsAreThrottledPerAccountAndSuccessesAreFree(ServerKind kind) {
    try (Running app = start(kind)) {
      Client c = app.client();
      String password = secret("quartz meadow hums twice");
      register(c, "hank@example.com", password);
      for (int i = 0; i < 3; i++) {
        login(c, "hank@example.com", password);
      }
      for (int i = 0; i < 5; i++) {
        assertEquals(401, c.post("/api/auth/login", "{\"email\":\"hank@example.com\",\"password\":\"guess " + i + "\"}").status());
      }
      Client.Reply blocked = c.post("/api/auth/login", "{\"email\":\"HANK@example.com\",\"password\":\"" + password + "\"}");
      assertEquals(429, blocked.status(), blocked.body());
      assertTrue(Long.parseLong(blocked.header("Retry-After")) > 0);
      assertTrue(blocked.header("RateLimit") != null, "no RateLimit header");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void weakPasswordsAreRefusedWithoutEchoingThem(ServerKind kind) {
    try (Running app = start(kind)) {
      for (String weak : new String[] {"tiny1", "password1234", "bob@example.com1"}) {
        Client.Reply r = app.client().post("/api/auth/register", "{\"email\":\"bob@example.com\",\"password\":\"" + weak
            + "\",\"name\":\"bob\"}");
        assertEquals(400, r.status(), r.body());
        assertEquals("body.password", r.json().path("errors").get(0).path("field").asText());
        assertFalse(r.body().contains(weak), r.body());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void refreshRotatesAndReuseRevokesTheFamily(ServerKind kind) {
    try (Running app = start(kind)) {
      Client c = app.client();
      String password = secret("violet submarine hums at noon");
      register(c, "carol@example.com", password);
      JsonNode first = login(c, "carol@example.com", password);
      Client.Reply rotated = c.post("/api/auth/refresh", "{\"refreshToken\":\"" + first.path("refreshToken").asText() + "\"}");
      assertEquals(200, rotated.status(), rotated.body());
      String second = secret(rotated.json().path("refreshToken").asText());
      assertNotEquals(first.path("refreshToken").asText(), second);
      Client.Reply reuse = c.post("/api/auth/refresh", "{\"refreshToken\":\"" + first.path("refreshToken").asText() + "\"}");
      assertEquals(401, reuse.status());
      Client.Reply afterReuse = c.post("/api/auth/refresh", "{\"refreshToken\":\"" + second + "\"}");
      assertEquals(401, afterReuse.status(), "the family survived a reuse");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void logoutRevokesBothTokens(ServerKind kind) {
    try (Running app = start(kind)) {
      Client c = app.client();
      String password = secret("granite owls collect silver maps");
      register(c, "dave@example.com", password);
      JsonNode tokens = login(c, "dave@example.com", password);
      String access = Client.bearer(tokens.path("accessToken").asText());
      assertEquals(200, c.get("/api/users/me", "Authorization", access).status());
      Client.Reply out = c.post("/api/auth/logout", "{\"refreshToken\":\"" + tokens.path("refreshToken").asText() + "\"}",
          "Authorization", access);
      assertEquals(204, out.status(), out.body());
      Client.Reply me = c.get("/api/users/me", "Authorization", access);
      assertEquals(401, me.status());
      assertEquals("Bearer error=\"invalid_token\"", me.header("WWW-Authenticate"));
      assertEquals(401, c.post("/api/auth/refresh", "{\"refreshToken\":\"" + tokens.path("refreshToken").asText() + "\"}").status());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void rolesAndOwnership(ServerKind kind) {
    try (Running app = start(kind)) {
      Client c = app.client();
      String alicePassword = secret("seven paper kites over lisbon");
      String bobPassword = secret("humid glacier eats blue tangerines");
      register(c, "alice@example.com", alicePassword);
      register(c, "bob@example.com", bobPassword);
      String alice = Client.bearer(login(c, "alice@example.com", alicePassword).path("accessToken").asText());
      String bob = Client.bearer(login(c, "bob@example.com", bobPassword).path("accessToken").asText());
      String admin = Client.bearer(login(c, "admin@example.com", ADMIN_PASSWORD).path("accessToken").asText());

      Client.Reply created = c.post("/api/posts", "{\"title\":\"Hello\",\"body\":\"mine\"}", "Authorization", alice);
      assertEquals(201, created.status(), created.body());
      String post = "/api/posts/" + created.json().path("id").asText();
      assertEquals(200, c.get(post, "Authorization", alice).status());
      Client.Reply missing = c.get("/api/posts/99999", "Authorization", bob);
      for (Client.Reply r : List.of(c.get(post, "Authorization", bob),
          c.send("PUT", post, "{\"title\":\"pwned\",\"body\":\"x\"}", "Authorization", bob),
          c.send("DELETE", post, null, "Authorization", bob))) {
        assertEquals(404, r.status(), r.body());
        assertEquals(missing.problemWithoutId(), r.problemWithoutId());
      }
      assertEquals("Hello", c.get(post, "Authorization", alice).json().path("title").asText());
      assertEquals(200, c.get(post, "Authorization", admin).status());

      assertEquals(403, c.get("/api/admin/users", "Authorization", alice).status());
      Client.Reply users = c.get("/api/admin/users", "Authorization", admin);
      assertEquals(200, users.status());
      assertEquals(3, users.json().size());
      assertFalse(users.body().contains("argon2") || users.body().toLowerCase().contains("hash"), users.body());
      assertEquals(401, c.get("/api/admin/users").status());
      assertEquals(200, c.get("/api/posts/search?q=hel").status());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void totpIsRequiredOnceEnrolledAndCodesWorkOnce(ServerKind kind) throws Exception {
    try (Running app = start(kind)) {
      Client c = app.client();
      String password = secret("crimson ferry sings to walruses");
      register(c, "erin@example.com", password);
      String access = Client.bearer(login(c, "erin@example.com", password).path("accessToken").asText());
      Client.Reply enrol = c.post("/api/users/me/mfa", null, "Authorization", access);
      assertEquals(201, enrol.status(), enrol.body());
      String totpSecret = secret(enrol.json().path("secret").asText());
      assertTrue(enrol.json().path("otpauthUri").asText().startsWith("otpauth://totp/"));
      long step = System.currentTimeMillis() / 30_000;
      String code = totp(totpSecret, step);
      Client.Reply confirmed = c.post("/api/users/me/mfa/confirm", "{\"code\":\"" + code + "\"}", "Authorization", access);
      assertEquals(200, confirmed.status(), confirmed.body());
      assertTrue(confirmed.json().path("mfaEnabled").asBoolean());

      Client.Reply noCode = c.post("/api/auth/login", "{\"email\":\"erin@example.com\",\"password\":\"" + password + "\"}");
      assertEquals(401, noCode.status());
      String next = totp(totpSecret, step + 1);
      Client.Reply withCode = c.post("/api/auth/login", "{\"email\":\"erin@example.com\",\"password\":\"" + password
          + "\",\"totp\":\"" + next + "\"}");
      assertEquals(200, withCode.status(), withCode.body());
      secret(withCode.json().path("accessToken").asText());
      secret(withCode.json().path("refreshToken").asText());
      Client.Reply replay = c.post("/api/auth/login", "{\"email\":\"erin@example.com\",\"password\":\"" + password
          + "\",\"totp\":\"" + next + "\"}");
      assertEquals(401, replay.status(), "a TOTP code was accepted twice");
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void apiKeysAreShownOnceAndWorkWhereAllowed(ServerKind kind) {
    try (Running app = start(kind)) {
      Client c = app.client();
      String password = secret("velvet compass drifts past mars");
      register(c, "frank@example.com", password);
      String access = Client.bearer(login(c, "frank@example.com", password).path("accessToken").asText());
      Client.Reply created = c.post("/api/users/me/api-keys", "{\"scopes\":[\"posts:read\"]}", "Authorization", access);
      assertEquals(201, created.status(), created.body());
      String key = secret(created.json().path("key").asText());
      assertTrue(key.startsWith("bwk_"), key);
      assertEquals(200, c.get("/api/posts", "X-API-Key", key).status());
      assertEquals(401, c.get("/api/users/me", "X-API-Key", key).status(), "an API key worked where only tokens are allowed");
      assertEquals(400, c.post("/api/users/me/api-keys", "{\"scopes\":[\"admin\"]}", "Authorization", access).status());
    }
  }

  @ParameterizedTest
  @EnumSource(ServerKind.class)
  void commentsKeepBasicHtmlAndLoseScripts(ServerKind kind) {
    try (Running app = start(kind)) {
      Client c = app.client();
      String password = secret("amber lighthouse counts sheep");
      register(c, "gina@example.com", password);
      String access = Client.bearer(login(c, "gina@example.com", password).path("accessToken").asText());
      String post = "/api/posts/" + c.post("/api/posts", "{\"title\":\"<i>Hi</i>\",\"body\":\"x\"}", "Authorization", access)
          .json().path("id").asText();
      String title = c.get(post, "Authorization", access).json().path("title").asText();
      assertFalse(title.contains("<"), "a title keeps no markup: " + title);
      Client.Reply comment = c.post(post + "/comments",
          "{\"content\":\"<p>Nice <b>post</b><script>alert(1)</script><img src=x onerror=alert(2)></p>\"}",
          "Authorization", access);
      assertEquals(201, comment.status(), comment.body());
      String content = comment.json().path("content").asText();
      assertTrue(content.contains("<b>post</b>"), content);
      assertFalse(content.contains("script") || content.contains("onerror") || content.contains("<img"), content);
      assertEquals(1, c.get(post + "/comments", "Authorization", access).json().size());
      Client.Reply tooLong = c.post(post + "/comments", "{\"content\":\"" + "x".repeat(1001) + "\"}", "Authorization", access);
      assertEquals(400, tooLong.status());
      assertEquals("body.content", tooLong.json().path("errors").get(0).path("field").asText());
      Client.Reply invalid = c.post("/api/posts", "{\"title\":\"\",\"body\":\"x\"}", "Authorization", access);
      assertEquals(400, invalid.status());
      assertEquals("body.title", invalid.json().path("errors").get(0).path("field").asText());
      Client.Reply massAssignment = c.post("/api/posts", "{\"title\":\"t\",\"body\":\"x\",\"ownerId\":\"u1\"}",
          "Authorization", access);
      assertEquals(400, massAssignment.status(), "a client set a server-owned field");
      assertEquals(404, c.post("/api/posts/999/comments", "{\"content\":\"hi\"}", "Authorization", access).status());
    }
  }

  @org.junit.jupiter.api.Test
  void aSensitiveRecordNeverPrintsItsSecretThroughTheErrorOrAuditLog() {
    String hash = secret("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA");
    Account account = new Account("u99", "x@example.com", "X", hash, java.util.Set.of(Role.user));
    // the two places the runtime prints application objects: the error log of a failed request, and audit details
    org.slf4j.LoggerFactory.getLogger("bulwark.http")
        .error("[test] unhandled failure for {}", account, new IllegalStateException("while saving " + account));
    dev.bulwark.auth.audit.AuditLog.slf4j().record(dev.bulwark.auth.audit.AuditEvent.of(
        dev.bulwark.auth.audit.AuditEventType.LOGIN_FAILED, dev.bulwark.auth.audit.AuditOutcome.FAILURE)
        .detail("account", account.toString()).build());
    assertFalse(account.toString().contains(hash));
    assertFalse(String.valueOf(java.util.List.of(account)).contains(hash));
  }

  static String totp(String base32Secret, long step) throws Exception {
    byte[] key = new Base32().decode(base32Secret);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key, "HmacSHA1"));
    byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
    int offset = hash[hash.length - 1] & 0xf;
    int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
        | (hash[offset + 3] & 0xff);
    return String.format("%06d", binary % 1_000_000);
  }

  @AfterAll
  static void noResponseCarriedASensitiveField() throws IOException {
    assertTrue(Client.BODIES.size() > 50, "too few responses to sweep: " + Client.BODIES.size());
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String body : Client.BODIES) {
      if (body.isEmpty() || !(body.startsWith("{") || body.startsWith("["))) {
        continue;
      }
      List<String> names = new ArrayList<>();
      collectNames(json.readTree(body), names);
      for (String name : names) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        assertFalse(lower.contains("password") || lower.contains("hash") || lower.contains("salt"),
            "a response carried the field " + name + ": " + body);
      }
    }
  }

  private static void collectNames(JsonNode node, List<String> names) {
    node.fieldNames().forEachRemaining(names::add);
    node.elements().forEachRemaining(child -> collectNames(child, names));
  }

  @AfterAll
  static void noPasswordOrTokenWasLogged() throws IOException {
    Path log = Path.of(System.getProperty("sample.test.log", "target/sample-test.log"));
    assertTrue(Files.exists(log), "no test log at " + log);
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(text.contains("bulwark.audit"), "the audit log did not reach the test log");
    for (String value : SECRETS) {
      assertFalse(text.contains(value), "a secret was logged: " + value.substring(0, Math.min(6, value.length())) + "...");
    }
  }
}
