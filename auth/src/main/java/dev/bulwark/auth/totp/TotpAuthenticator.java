package dev.bulwark.auth.totp;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.AuthenticationException.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.codec.binary.Base32;

/**
 * TOTP second factor (RFC 6238): enrolment with an {@code otpauth://} URI, verification within a window of
 * steps, each code accepted once, and single-use recovery codes.
 *
 * <p>A code is accepted only for a time step after the last one accepted for the account, so a code cannot be
 * replayed, not even by a racing request (the store's {@link TotpStore#markStepUsed} is atomic). Guessing is
 * bounded by the caller's rate limit: with a window of one, each guess has a 3 in a million chance, so limit
 * failures per account (five a minute, say) as for passwords. Thread-safe.
 *
 * <pre>{@code
 * TotpAuthenticator totp = TotpAuthenticator.create(new InMemoryTotpStore(), "Bulwark Blog", Clock.systemUTC());
 * TotpEnrolment e = totp.enrol(user.id(), user.email());   // show e.otpauthUri() as a QR code, once
 * totp.confirm(user.id(), codeFromApp);                    // enrolment counts from here
 * totp.checkLogin(user.id(), form.totp());                 // after the password: MFA_REQUIRED / MFA_FAILED
 * }</pre>
 */
public final class TotpAuthenticator {

  private final TotpStore store;
  private final String issuer;
  private final Clock clock;
  private final TotpSettings settings;
  private final SecureRandom random = new SecureRandom();

  private TotpAuthenticator(TotpStore store, String issuer, Clock clock, TotpSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(issuer, "issuer");
    if (issuer.isBlank() || issuer.contains(":") || issuer.length() > 64) {
      throw new IllegalArgumentException("TOTP issuer must be 1 to 64 characters without ':' (was \"" + issuer
          + "\"); authenticator apps show it next to the account name");
    }
    this.issuer = issuer;
  }

  /** A TOTP second factor with {@link TotpSettings#DEFAULT}. */
  public static TotpAuthenticator create(TotpStore store, String issuer, Clock clock) {
    return create(store, issuer, clock, TotpSettings.DEFAULT);
  }

  /** A TOTP second factor with other settings. */
  public static TotpAuthenticator create(TotpStore store, String issuer, Clock clock, TotpSettings settings) {
    return new TotpAuthenticator(store, issuer, clock, settings);
  }

  /**
   * Starts (or restarts) enrolment: a fresh secret and recovery codes, stored unconfirmed, replacing an earlier
   * unconfirmed one. Nothing is required at login until {@link #confirm} succeeds.
   *
   * @param accountName the label the app shows (the e-mail address, say)
   * @throws IllegalStateException when the account already has a confirmed enrolment: {@link #disable} it first,
   *     after checking a current code, so a hijacked session cannot silently replace the second factor
   */
  public TotpEnrolment enrol(String accountId, String accountName) {
    Objects.requireNonNull(accountName, "accountName");
    if (isEnrolled(accountId)) {
      throw new IllegalStateException("account already has a confirmed TOTP enrolment; disable it first");
    }
    byte[] secret = new byte[settings.algorithm().secretBytes];
    random.nextBytes(secret);
    List<String> codes = RecoveryCodes.generate(random);
    store.save(new TotpRecord(accountId, secret, false, -1, RecoveryCodes.hashAll(codes)));
    String base32 = new Base32().encodeToString(secret).replace("=", "");
    return new TotpEnrolment(base32, uri(base32, accountName), codes);
  }

  /**
   * Finishes enrolment with a first code from the app; the code is spent like any other.
   *
   * @throws AuthenticationException {@link Reason#MFA_FAILED} when the code is wrong or there is no enrolment
   */
  public void confirm(String accountId, String code) throws AuthenticationException {
    TotpRecord record = store.find(accountId).orElseThrow(() -> new AuthenticationException(Reason.MFA_FAILED));
    acceptCode(record, code);
    store.find(accountId).ifPresent(r -> store.save(r.asConfirmed()));
  }

  /** Whether the account has a confirmed enrolment, so that login must ask for the second factor. */
  public boolean isEnrolled(String accountId) {
    return store.find(accountId).map(TotpRecord::confirmed).orElse(false);
  }

  /**
   * The second-factor step of a login, after the password has been verified: passes when the account has no
   * confirmed enrolment, or when {@code codeOrRecoveryCode} is a valid TOTP code or an unused recovery code.
   *
   * @throws AuthenticationException {@link Reason#MFA_REQUIRED} when enrolled and no code was given,
   *     {@link Reason#MFA_FAILED} when the code is wrong, replayed or a spent recovery code
   */
  public void checkLogin(String accountId, String codeOrRecoveryCode) throws AuthenticationException {
    Optional<TotpRecord> record = store.find(accountId).filter(TotpRecord::confirmed);
    if (record.isEmpty()) {
      return;
    }
    if (codeOrRecoveryCode == null || codeOrRecoveryCode.isBlank()) {
      throw new AuthenticationException(Reason.MFA_REQUIRED);
    }
    // Apps often show "123 456": a code of digits and spaces is a TOTP code, anything else a recovery code.
    String compact = codeOrRecoveryCode.replace(" ", "");
    if (compact.length() == settings.digits()) {
      acceptCode(record.get(), compact);
    } else {
      useRecoveryCode(accountId, codeOrRecoveryCode);
    }
  }

  /**
   * Verifies a TOTP code for a confirmed enrolment and spends it.
   *
   * @throws AuthenticationException {@link Reason#MFA_FAILED} when wrong, replayed, or not enrolled
   */
  public void verify(String accountId, String code) throws AuthenticationException {
    TotpRecord record = store.find(accountId).filter(TotpRecord::confirmed)
        .orElseThrow(() -> new AuthenticationException(Reason.MFA_FAILED));
    acceptCode(record, code);
  }

  /**
   * Spends one recovery code of a confirmed enrolment.
   *
   * @throws AuthenticationException {@link Reason#MFA_FAILED} when unknown, already used, or not enrolled
   */
  public void useRecoveryCode(String accountId, String recoveryCode) throws AuthenticationException {
    Optional<String> hash = RecoveryCodes.hashOf(recoveryCode);
    if (hash.isEmpty() || !isEnrolled(accountId) || !store.useRecoveryCode(accountId, hash.get())) {
      throw new AuthenticationException(Reason.MFA_FAILED);
    }
  }

  /** How many recovery codes the account has left (0 when not enrolled). */
  public int remainingRecoveryCodes(String accountId) {
    return store.find(accountId).map(r -> r.recoveryCodeHashes().size()).orElse(0);
  }

  /** Replaces the account's recovery codes with fresh ones, shown once; empty when not enrolled. */
  public List<String> regenerateRecoveryCodes(String accountId) {
    Optional<TotpRecord> record = store.find(accountId);
    if (record.isEmpty()) {
      return List.of();
    }
    List<String> codes = RecoveryCodes.generate(random);
    store.save(record.get().withRecoveryCodeHashes(RecoveryCodes.hashAll(codes)));
    return codes;
  }

  /** Turns TOTP off for the account. */
  public void disable(String accountId) {
    store.delete(accountId);
  }

  // Checks every step of the window (constant work for a well-formed code), then spends the matching step.
  private void acceptCode(TotpRecord record, String code) throws AuthenticationException {
    if (!wellFormed(code)) {
      throw new AuthenticationException(Reason.MFA_FAILED);
    }
    byte[] secret = record.secret();
    long now = settings.stepAt(clock.instant().getEpochSecond());
    byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
    long matched = Long.MIN_VALUE;
    for (long step = now - settings.window(); step <= now + settings.window(); step++) {
      byte[] expected = Hotp.code(settings.algorithm(), secret, step, settings.digits())
          .getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, presented) && step > record.lastUsedStep() && matched == Long.MIN_VALUE) {
        matched = step;
      }
    }
    java.util.Arrays.fill(secret, (byte) 0);
    if (matched == Long.MIN_VALUE || !store.markStepUsed(record.accountId(), matched)) {
      throw new AuthenticationException(Reason.MFA_FAILED);
    }
  }

  private boolean wellFormed(String code) {
    if (code == null || code.length() != settings.digits()) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      if (code.charAt(i) < '0' || code.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  // Key URI format: otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=...&digits=...&period=...
  private String uri(String base32, String accountName) {
    return "otpauth://totp/" + encode(issuer) + ":" + encode(accountName)
        + "?secret=" + base32
        + "&issuer=" + encode(issuer)
        + "&algorithm=" + settings.algorithm().name()
        + "&digits=" + settings.digits()
        + "&period=" + settings.step().getSeconds();
  }

  private static String encode(String value) {
    // URLEncoder writes form encoding; a URI path and Google's Key URI format want %20 for a space.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
