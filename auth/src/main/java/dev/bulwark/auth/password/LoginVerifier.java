package dev.bulwark.auth.password;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.AuthenticationException.Reason;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Checks a login's password so that an unknown account and a wrong password look the same: both run one
 * Argon2id verification (against a dummy hash made at start for the unknown account) and both fail with
 * {@link Reason#INVALID_CREDENTIALS}.
 *
 * <p>The application looks the account up first and passes what it found, present or not:
 *
 * <pre>{@code
 * LoginVerifier logins = LoginVerifier.create(PasswordHasher.argon2id());
 * VerifiedLogin<User> ok = logins.verify(users.findByEmail(email), User::passwordHash, password);
 * if (ok.needsRehash()) { users.updateHash(ok.account(), hasher.hash(password)); }
 * }</pre>
 *
 * <p>Timing is equal only for accounts whose hash was made with the current settings; an old hash with other
 * costs takes its own time until it is rehashed. Instances are thread-safe.
 */
public final class LoginVerifier {

  private final PasswordHasher hasher;
  private final String dummyHash;
  private final AtomicLong dummyVerifications = new AtomicLong();

  private LoginVerifier(PasswordHasher hasher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    // A random password nobody knows, hashed once with the live settings, so the unknown-account path does
    // exactly the work of a real verification.
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.dummyHash = hasher.hash(Base64.getEncoder().encodeToString(secret));
  }

  /** A verifier using {@code hasher}; computes the dummy hash now, so build it once at start. */
  public static LoginVerifier create(PasswordHasher hasher) {
    return new LoginVerifier(hasher);
  }

  /**
   * Verifies {@code password} for {@code account}.
   *
   * @param account the account found for the login name, or empty when there is none
   * @param passwordHash reads the account's stored PHC hash; a null or blank hash (an account without a
   *     password) is treated like an unknown account
   * @param password the password exactly as typed
   * @return the account and whether its hash should be upgraded
   * @throws AuthenticationException with {@link Reason#INVALID_CREDENTIALS} for an unknown account, an account
   *     without a password, or a wrong password alike
   */
  public <A> VerifiedLogin<A> verify(Optional<A> account, Function<? super A, String> passwordHash,
      CharSequence password) throws AuthenticationException {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(passwordHash, "passwordHash");
    String stored = account.map(passwordHash).filter(hash -> !hash.isBlank()).orElse(null);
    CharSequence attempt = password == null ? "" : password;
    if (stored == null) {
      dummyVerifications.incrementAndGet();
      hasher.verify(attempt, dummyHash);
      throw new AuthenticationException(Reason.INVALID_CREDENTIALS);
    }
    if (!hasher.verify(attempt, stored)) {
      throw new AuthenticationException(Reason.INVALID_CREDENTIALS);
    }
    return new VerifiedLogin<>(account.get(), hasher.needsRehash(stored));
  }

  /**
   * How many times the unknown-account path has run: a counter for tests and metrics that shows the dummy
   * verification really happens.
   */
  public long dummyVerifications() {
    return dummyVerifications.get();
  }
}
