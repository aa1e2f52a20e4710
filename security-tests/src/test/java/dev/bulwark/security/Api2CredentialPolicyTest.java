package dev.bulwark.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

/**
 * OWASP API2:2023, the credential policy over HTTP: passphrases of any composition and of 64 characters and more are
 * accepted, short, common and user-data passwords are refused without being echoed, a password is compared exactly
 * as typed (no case folding, no trimming, no truncation), and no default account answers (ASVS V6.2, V6.3.2).
 */
class Api2CredentialPolicyTest extends SuiteBase {
  private static Http.Reply register(SampleUnderTest app, String email, String password) {
    return app.http.post("/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + Oracle.secret(password)
        + "\",\"name\":\"Policy\"}");
  }

  private static int login(SampleUnderTest app, String email, String password) {
    return app.http.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").status();
  }

  @EveryConfig
  void passphrasesOfAnyCompositionAndLengthAreAcceptedAndComparedExactly(Config config) {
    SampleUnderTest app = app(config);
    String lower = "only lower case words here " + System.nanoTime() % 1000;
    String email = "phrase-" + System.nanoTime() + "@example.com";
    assertEquals(201, register(app, email, lower).status(), "an all-lower-case passphrase was refused");
    String longOne = "seventy odd characters of a passphrase: walrus, kettle, meridian, plum, 42 owls & one fjord";
    String email2 = "long-" + System.nanoTime() + "@example.com";
    assertEquals(201, register(app, email2, longOne).status(), "a " + longOne.length() + "-character password was refused");
    assertEquals(200, login(app, email2, longOne));
    assertEquals(401, login(app, email2, longOne.substring(0, 72)), "the password was truncated (bcrypt-style)");
    assertEquals(401, login(app, email, lower.toUpperCase(java.util.Locale.ROOT)), "the password was case-folded");
    assertEquals(401, login(app, email, lower + " "), "the password was trimmed");
    assertEquals(401, login(app, email, " " + lower), "the password was trimmed");
    assertEquals(200, login(app, email, lower));
  }

  @EveryConfig
  void shortCommonAndPersonalPasswordsAreRefusedWithoutEcho(Config config) {
    SampleUnderTest app = app(config);
    String email = "weak-" + System.nanoTime() + "@example.com";
    for (String weak : List.of("seven77", "password123456", "qwertyuiop123", "iloveyou12345", email + "!")) {
      Http.Reply r = register(app, email, weak);
      assertEquals(400, r.status(), weak + ": " + r);
      assertEquals("body.password", r.json().path("errors").get(0).path("field").asText(), r.toString());
      assertFalse(r.body().contains(weak), "the refusal echoes the password: " + r);
    }
    assertEquals(401, login(app, email, "seven77"), "a refused sign-up created the account");
  }

  @EveryConfig
  void noDefaultAccountAnswers(Config config) {
    SampleUnderTest app = app(config);
    // 12 guesses: the class stays under the per-address failure budget (20 per 15 minutes), so each answer is the
    // account's and not the throttle's.
    for (String account : List.of("admin", "admin@example.com", "root", "sa")) {
      for (String password : List.of("admin", "password", "changeme")) {
        int status = login(app, account, password);
        assertEquals(401, status, account + " / " + password);
      }
    }
  }
}
