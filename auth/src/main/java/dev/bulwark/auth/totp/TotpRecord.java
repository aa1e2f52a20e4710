package dev.bulwark.auth.totp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One account's TOTP state as stored: the shared secret (a credential: encrypt it at rest), whether enrolment
 * was confirmed with a first code, the last time step accepted (for replay refusal), and the hashes of the
 * unused recovery codes. {@link #toString()} shows none of the secrets.
 *
 * @param accountId the account
 * @param secret the raw shared secret (copied in and out)
 * @param confirmed whether the owner proved the app works by entering a code
 * @param lastUsedStep the last accepted time step, or -1 when none has been
 * @param recoveryCodeHashes base64url SHA-256 hashes of the recovery codes still unused
 */
public record TotpRecord(String accountId, byte[] secret, boolean confirmed, long lastUsedStep,
    List<String> recoveryCodeHashes) {

  /** Validates and copies the components. */
  public TotpRecord {
    Objects.requireNonNull(accountId, "accountId");
    if (accountId.isBlank()) {
      throw new IllegalArgumentException("TOTP accountId must not be blank");
    }
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("TOTP secret must be at least 128 bits");
    }
    secret = secret.clone();
    recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
  }

  /** A copy of the secret. */
  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** This record with {@code step} as the last accepted one. */
  public TotpRecord withLastUsedStep(long step) {
    return new TotpRecord(accountId, secret, confirmed, step, recoveryCodeHashes);
  }

  /** This record, confirmed. */
  public TotpRecord asConfirmed() {
    return new TotpRecord(accountId, secret, true, lastUsedStep, recoveryCodeHashes);
  }

  /** This record with other recovery code hashes. */
  public TotpRecord withRecoveryCodeHashes(List<String> hashes) {
    return new TotpRecord(accountId, secret, confirmed, lastUsedStep, hashes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TotpRecord r && accountId.equals(r.accountId) && Arrays.equals(secret, r.secret)
        && confirmed == r.confirmed && lastUsedStep == r.lastUsedStep
        && recoveryCodeHashes.equals(r.recoveryCodeHashes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accountId, Arrays.hashCode(secret), confirmed, lastUsedStep, recoveryCodeHashes);
  }

  @Override
  public String toString() {
    return "TotpRecord[accountId=" + accountId + ", secret=[REDACTED], confirmed=" + confirmed
        + ", lastUsedStep=" + lastUsedStep + ", recoveryCodes=" + recoveryCodeHashes.size() + " left]";
  }
}
