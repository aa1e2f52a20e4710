package dev.bulwark.auth.password;

import java.util.Objects;

/**
 * A password that matched: the account, and whether its stored hash should be replaced with a fresh
 * {@link PasswordHasher#hash} because the hasher's settings have changed since it was made.
 *
 * @param account the account whose password matched
 * @param needsRehash whether to store a new hash of the password just verified
 * @param <A> the application's account type
 */
public record VerifiedLogin<A>(A account, boolean needsRehash) {

  /** Checks the account is present. */
  public VerifiedLogin {
    Objects.requireNonNull(account, "account");
  }
}
