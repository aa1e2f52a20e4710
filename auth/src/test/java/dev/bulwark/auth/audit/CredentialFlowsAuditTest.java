package dev.bulwark.auth.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.apikey.ApiKeys;
import dev.bulwark.auth.apikey.CreatedApiKey;
import dev.bulwark.auth.apikey.InMemoryApiKeyStore;
import dev.bulwark.auth.password.LoginVerifier;
import dev.bulwark.auth.password.PasswordHasher;
import dev.bulwark.auth.totp.InMemoryTotpStore;
import dev.bulwark.auth.totp.TotpAuthenticator;
import dev.bulwark.auth.totp.TotpEnrolment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The credential flows, audited the way a careless caller might (the raw value in a detail), leave no
 * password, key, TOTP secret or recovery code in the log.
 */
class CredentialFlowsAuditTest {

  record User(String id, String hash) {}

  @Test
  void noCredentialReachesTheAuditLine() throws AuthenticationException {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    List<String> lines = new ArrayList<>();
    AuditLog audit = AuditLog.to((event, line) -> lines.add(line), clock);
    List<String> secrets = new ArrayList<>();

    PasswordHasher hasher = PasswordHasher.argon2id();
    String password = "vivid-otter-carries-lanterns";
    secrets.add(password);
    User alice = new User("user-1", hasher.hash(password));
    secrets.add(alice.hash());
    LoginVerifier logins = LoginVerifier.create(hasher);
    AuthenticationException failed = assertThrows(AuthenticationException.class,
        () -> logins.verify(Optional.of(alice), User::hash, password + "!"));
    audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, AuditOutcome.FAILURE).principal(alice.id())
        .reason(failed.reason()).detail("password", password + "!").detail("password_hash", alice.hash()).build());
    secrets.add(password + "!");

    ApiKeys keys = ApiKeys.create(new InMemoryApiKeyStore(), clock);
    CreatedApiKey key = keys.create(alice.id(), Set.of("posts:read"));
    secrets.add(key.key());
    secrets.add(key.key().substring(21));
    secrets.add(key.record().secretHash());
    audit.record(AuditEvent.of(AuditEventType.API_KEY_CREATED, AuditOutcome.SUCCESS).principal(alice.id())
        .target(key.record().keyId()).detail("note", "created " + key.key()).detail("record", key.toString())
        .build());

    TotpAuthenticator totp = TotpAuthenticator.create(new InMemoryTotpStore(), "Bulwark", clock);
    TotpEnrolment enrolment = totp.enrol(alice.id(), "alice@example.com");
    secrets.add(enrolment.secretBase32());
    secrets.addAll(enrolment.recoveryCodes());
    audit.record(AuditEvent.of(AuditEventType.MFA_ENROLLED, AuditOutcome.SUCCESS).principal(alice.id())
        .detail("uri", enrolment.otpauthUri()).detail("enrolment", enrolment.toString())
        .detail("recovery_codes", String.join(",", enrolment.recoveryCodes()))
        .detail("note", "user typed " + enrolment.recoveryCodes().get(0)).build());

    assertEquals(3, lines.size());
    for (String line : lines) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), () -> "secret leaked into: " + line);
      }
    }
  }
}
