package dev.bulwark.auth.totp;

import java.util.Optional;

/**
 * Where TOTP state lives. Implementations must be thread-safe, and {@link #markStepUsed} and
 * {@link #useRecoveryCode} must be atomic compare-and-set operations: they are what makes a code work once
 * even when two requests race with it. A JDBC implementation does them as a conditional {@code UPDATE} (or
 * {@code DELETE}) and checks the row count.
 */
public interface TotpStore {

  /** The account's record, if it has enrolled (confirmed or not). */
  Optional<TotpRecord> find(String accountId);

  /** Stores {@code record}, replacing any earlier one for the account. */
  void save(TotpRecord record);

  /** Sets the last used step to {@code step} if it is greater than the stored one; false otherwise. */
  boolean markStepUsed(String accountId, long step);

  /** Removes the recovery code hash {@code codeHash}; false when it was not there (unknown or already used). */
  boolean useRecoveryCode(String accountId, String codeHash);

  /** Forgets the account's TOTP state (MFA turned off). */
  void delete(String accountId);
}
