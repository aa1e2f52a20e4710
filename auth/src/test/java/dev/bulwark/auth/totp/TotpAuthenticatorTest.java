package dev.bulwark.auth.totp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.AuthenticationException.Reason;
import dev.bulwark.auth.totp.TotpSettings.Algorithm;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TotpAuthenticatorTest {

  /** A clock the test moves by hand: no sleeps. */
  static final class MutableClock extends Clock {
    Instant now = Instant.ofEpochSecond(1_700_000_010L);   // 10 s into a 30 s step
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  private final MutableClock clock = new MutableClock();
  private final InMemoryTotpStore store = new InMemoryTotpStore();
  private final TotpAuthenticator totp = TotpAuthenticator.create(store, "Bulwark Blog", clock);
  private TotpEnrolment enrolment;
  private byte[] secret;

  @BeforeEach
  void enrol() throws AuthenticationException {
    enrolment = totp.enrol("user-1", "alice@example.com");
    secret = new Base32().decode(enrolment.secretBase32());
    assertFalse(totp.isEnrolled("user-1"), "not enrolled until confirmed");
    totp.confirm("user-1", codeAt(clock.now));
    assertTrue(totp.isEnrolled("user-1"));
    clock.now = clock.now.plusSeconds(30);   // the confirming code's step is spent: move to the next one
  }

  private String codeAt(Instant at) {
    return Hotp.code(Algorithm.SHA1, secret, Math.floorDiv(at.getEpochSecond(), 30), 6);
  }

  private static void assertFails(Reason reason, Executable call) {
    assertEquals(reason, assertThrows(AuthenticationException.class, call).reason());
  }

  @Test
  void secretIs160BitsAndTheUriFollowsTheKeyUriFormat() {
    assertEquals(20, secret.length);
    assertEquals(32, enrolment.secretBase32().length());
    URI uri = URI.create(enrolment.otpauthUri());
    assertEquals("otpauth", uri.getScheme());
    assertEquals("totp", uri.getHost());
    assertEquals("/Bulwark Blog:alice@example.com", uri.getPath());
    assertEquals("secret=" + enrolment.secretBase32() + "&issuer=Bulwark Blog&algorithm=SHA1&digits=6&period=30",
        uri.getQuery());
    assertTrue(enrolment.otpauthUri().startsWith("otpauth://totp/Bulwark%20Blog:alice%40example.com?secret="));
    assertFalse(enrolment.toString().contains(enrolment.secretBase32()));
    assertFalse(store.find("user-1").orElseThrow().toString().contains(enrolment.secretBase32()));
  }

  @Test
  void currentCodeIsAcceptedOnceOnly() throws AuthenticationException {
    String code = codeAt(clock.now);
    totp.verify("user-1", code);
    assertFails(Reason.MFA_FAILED, () -> totp.verify("user-1", code));
  }

  // A fresh account confirmed a day ago, so no step near now has been spent; returns its secret.
  private byte[] freshAccount(String accountId) throws AuthenticationException {
    Instant now = clock.now;
    clock.now = now.minus(Duration.ofDays(1));
    byte[] key = new Base32().decode(totp.enrol(accountId, accountId).secretBase32());
    totp.confirm(accountId, Hotp.code(Algorithm.SHA1, key, Math.floorDiv(clock.now.getEpochSecond(), 30), 6));
    clock.now = now;
    return key;
  }

  private boolean accepts(Instant now, long stepOffset) throws AuthenticationException {
    String account = "window-" + now.getEpochSecond() + "-" + stepOffset;
    byte[] key = freshAccount(account);
    clock.now = now;
    long step = Math.floorDiv(now.getEpochSecond(), 30) + stepOffset;
    try {
      totp.verify(account, Hotp.code(Algorithm.SHA1, key, step, 6));
      return true;
    } catch (AuthenticationException refused) {
      assertEquals(Reason.MFA_FAILED, refused.reason());
      return false;
    }
  }

  @Test
  void windowIsOneStepEitherSide() throws AuthenticationException {
    Instant stepStart = Instant.ofEpochSecond(1_700_000_010L - 10);   // a multiple of 30
    Instant stepEnd = stepStart.plusSeconds(29);
    for (Instant now : List.of(stepStart, stepStart.plusSeconds(10), stepEnd)) {
      assertTrue(accepts(now, 0), "current step at " + now);
      assertTrue(accepts(now, -1), "previous step at " + now);
      assertTrue(accepts(now, 1), "next step at " + now);
      assertFalse(accepts(now, -2), "two steps back at " + now);
      assertFalse(accepts(now, 2), "two steps ahead at " + now);
    }
  }

  @Test
  void windowOfZeroAcceptsOnlyTheCurrentStep() throws AuthenticationException {
    TotpSettings exact = new TotpSettings(Algorithm.SHA1, 6, Duration.ofSeconds(30), 0);
    TotpAuthenticator strict = TotpAuthenticator.create(new InMemoryTotpStore(), "Bulwark", clock, exact);
    byte[] key = new Base32().decode(strict.enrol("u", "u").secretBase32());
    long step = Math.floorDiv(clock.now.getEpochSecond(), 30);
    assertFails(Reason.MFA_FAILED, () -> strict.confirm("u", Hotp.code(Algorithm.SHA1, key, step + 1, 6)));
    strict.confirm("u", Hotp.code(Algorithm.SHA1, key, step, 6));
  }

  @Test
  void codeAtOrBeforeTheLastAcceptedStepIsRefused() throws AuthenticationException {
    String next = codeAt(clock.now.plusSeconds(30));
    String current = codeAt(clock.now);
    totp.verify("user-1", next);
    assertFails(Reason.MFA_FAILED, () -> totp.verify("user-1", current));   // older than the last one used
    clock.now = clock.now.plusSeconds(30);
    assertFails(Reason.MFA_FAILED, () -> totp.verify("user-1", next));      // the same step again
  }

  @Test
  void confirmingCodeCannotBeReplayedAtLogin() {
    Instant confirmedAt = clock.now.minusSeconds(30);
    assertFails(Reason.MFA_FAILED, () -> totp.checkLogin("user-1", codeAt(confirmedAt)));
  }

  @Test
  void malformedCodesFail() {
    for (String bad : new String[] {"", "12345", "1234567", "12a456", "１２３４５６", null}) {
      assertFails(Reason.MFA_FAILED, () -> totp.verify("user-1", bad));
    }
  }

  @Test
  void loginRequiresTheSecondFactorOnceEnrolled() throws AuthenticationException {
    assertFails(Reason.MFA_REQUIRED, () -> totp.checkLogin("user-1", null));
    assertFails(Reason.MFA_REQUIRED, () -> totp.checkLogin("user-1", " "));
    assertFails(Reason.MFA_FAILED, () -> totp.checkLogin("user-1", "000000".equals(codeAt(clock.now)) ? "111111" : "000000"));
    String code = codeAt(clock.now);
    totp.checkLogin("user-1", code.substring(0, 3) + " " + code.substring(3));
    assertDoesNotThrow(() -> totp.checkLogin("someone-else", null), "no enrolment, no second factor");
  }

  @Test
  void unconfirmedEnrolmentIsNotRequiredAtLoginAndCannotVerify() {
    totp.enrol("user-2", "bob@example.com");
    assertDoesNotThrow(() -> totp.checkLogin("user-2", null));
    assertFails(Reason.MFA_FAILED, () -> totp.verify("user-2", "123456"));
  }

  @Test
  void confirmedEnrolmentCannotBeReplacedWithoutDisablingIt() {
    assertThrows(IllegalStateException.class, () -> totp.enrol("user-1", "alice@example.com"));
    totp.disable("user-1");
    assertFalse(totp.isEnrolled("user-1"));
    assertDoesNotThrow(() -> totp.enrol("user-1", "alice@example.com"));
  }

  @Test
  void recoveryCodesAreTenDistinctSingleUseAndStoredHashed() throws AuthenticationException {
    List<String> codes = enrolment.recoveryCodes();
    assertEquals(10, codes.size());
    assertEquals(10, new HashSet<>(codes).size());
    codes.forEach(c -> assertTrue(c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"), c));
    TotpRecord stored = store.find("user-1").orElseThrow();
    codes.forEach(c -> assertFalse(stored.recoveryCodeHashes().contains(c)));
    codes.forEach(c -> assertFalse(stored.recoveryCodeHashes().contains(c.replace("-", ""))));

    totp.useRecoveryCode("user-1", codes.get(0));
    assertFails(Reason.MFA_FAILED, () -> totp.useRecoveryCode("user-1", codes.get(0)));
    assertEquals(9, totp.remainingRecoveryCodes("user-1"));
    // Typed from paper: upper case, no hyphens, spaces.
    totp.checkLogin("user-1", codes.get(1).toUpperCase().replace("-", " "));
    assertFails(Reason.MFA_FAILED, () -> totp.checkLogin("user-1", codes.get(1)));
    assertFails(Reason.MFA_FAILED, () -> totp.useRecoveryCode("user-1", "aaaa-aaaa-aaaa-aaaa"));
    assertFails(Reason.MFA_FAILED, () -> totp.useRecoveryCode("user-1", "not a code"));
    assertEquals(8, totp.remainingRecoveryCodes("user-1"));
  }

  @Test
  void regeneratedRecoveryCodesReplaceTheOldOnes() throws AuthenticationException {
    String old = enrolment.recoveryCodes().get(0);
    List<String> fresh = totp.regenerateRecoveryCodes("user-1");
    assertFails(Reason.MFA_FAILED, () -> totp.useRecoveryCode("user-1", old));
    totp.useRecoveryCode("user-1", fresh.get(0));
  }

  @Test
  void eightDigitSha256Works() throws AuthenticationException {
    TotpSettings settings = new TotpSettings(Algorithm.SHA256, 8, Duration.ofSeconds(30), 0);
    TotpAuthenticator strong = TotpAuthenticator.create(new InMemoryTotpStore(), "Bulwark", clock, settings);
    TotpEnrolment e = strong.enrol("u", "u@example.com");
    byte[] key = new Base32().decode(e.secretBase32());
    assertEquals(32, key.length);
    assertTrue(e.otpauthUri().endsWith("&algorithm=SHA256&digits=8&period=30"));
    long step = Math.floorDiv(clock.now.getEpochSecond(), 30);
    strong.confirm("u", Hotp.code(Algorithm.SHA256, key, step, 8));
    assertFails(Reason.MFA_FAILED, () -> strong.verify("u", Hotp.code(Algorithm.SHA256, key, step + 1, 8)));
  }

  @Test
  void badConfigurationFailsFast() {
    assertThrows(IllegalArgumentException.class, () -> TotpAuthenticator.create(store, "Bad:Issuer", clock));
    assertThrows(IllegalArgumentException.class, () -> TotpAuthenticator.create(store, " ", clock));
    assertThrows(IllegalArgumentException.class, () -> new TotpSettings(Algorithm.SHA1, 5, Duration.ofSeconds(30), 1));
    assertThrows(IllegalArgumentException.class, () -> new TotpSettings(Algorithm.SHA1, 6, Duration.ofSeconds(5), 1));
    assertThrows(IllegalArgumentException.class, () -> new TotpSettings(Algorithm.SHA1, 6, Duration.ofSeconds(30), 3));
  }

  @Test
  void storeStepAdvanceIsMonotonic() {
    assertTrue(store.markStepUsed("user-1", Long.MAX_VALUE - 1));
    assertFalse(store.markStepUsed("user-1", Long.MAX_VALUE - 1));
    assertFalse(store.markStepUsed("user-1", 5));
    assertFalse(store.markStepUsed("nobody", 5));
  }
}
