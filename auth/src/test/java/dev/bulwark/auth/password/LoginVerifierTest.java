package dev.bulwark.auth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.AuthenticationException.Reason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginVerifierTest {

  record User(String email, String passwordHash) {}

  private static final PasswordHasher HASHER = PasswordHasher.argon2id();
  private static final User ALICE = new User("alice@example.com", HASHER.hash("vivid-otter-carries-lanterns"));

  @Test
  void rightPasswordVerifies() throws AuthenticationException {
    LoginVerifier logins = LoginVerifier.create(HASHER);
    VerifiedLogin<User> ok = logins.verify(Optional.of(ALICE), User::passwordHash, "vivid-otter-carries-lanterns");
    assertEquals(ALICE, ok.account());
    assertFalse(ok.needsRehash());
    assertEquals(0, logins.dummyVerifications());
  }

  @Test
  void unknownAccountAndWrongPasswordFailAlikeAndTheDummyHashRuns() {
    LoginVerifier logins = LoginVerifier.create(HASHER);
    AuthenticationException wrong = assertThrows(AuthenticationException.class,
        () -> logins.verify(Optional.of(ALICE), User::passwordHash, "wrong-otter-carries-lanterns"));
    assertEquals(0, logins.dummyVerifications(), "a known account never takes the dummy path");
    AuthenticationException unknown = assertThrows(AuthenticationException.class,
        () -> logins.verify(Optional.<User>empty(), User::passwordHash, "wrong-otter-carries-lanterns"));
    assertEquals(1, logins.dummyVerifications(), "the unknown account ran the dummy verification");
    assertEquals(Reason.INVALID_CREDENTIALS, wrong.reason());
    assertEquals(wrong.reason(), unknown.reason());
    assertEquals(wrong.getMessage(), unknown.getMessage());
    assertEquals(wrong.getCause(), unknown.getCause());
  }

  @Test
  void accountWithoutPasswordIsTreatedAsUnknown() {
    LoginVerifier logins = LoginVerifier.create(HASHER);
    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> logins.verify(Optional.of(new User("sso@example.com", null)), User::passwordHash, ""));
    assertEquals(Reason.INVALID_CREDENTIALS, e.reason());
    assertEquals(1, logins.dummyVerifications());
  }

  @Test
  void reportsWhenTheStoredHashShouldBeUpgraded() throws AuthenticationException {
    LoginVerifier stronger = LoginVerifier.create(
        PasswordHasher.argon2id(new Argon2Settings(19 * 1024, 3, 1, 16, 32)));
    VerifiedLogin<User> ok = stronger.verify(Optional.of(ALICE), User::passwordHash, "vivid-otter-carries-lanterns");
    assertTrue(ok.needsRehash());
  }

  @Test
  void nullPasswordFailsLikeAWrongOne() {
    LoginVerifier logins = LoginVerifier.create(HASHER);
    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> logins.verify(Optional.of(ALICE), User::passwordHash, null));
    assertEquals(Reason.INVALID_CREDENTIALS, e.reason());
  }
}
