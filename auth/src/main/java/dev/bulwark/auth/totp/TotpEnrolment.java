package dev.bulwark.auth.totp;

import java.util.List;
import java.util.Objects;

/**
 * What a new enrolment shows its owner once: the Base32 secret (for typing in), the {@code otpauth://} URI (for
 * a QR code) and the recovery codes. {@link #toString()} redacts all three.
 *
 * @param secretBase32 the shared secret in Base32 without padding
 * @param otpauthUri the Key URI ({@code otpauth://totp/Issuer:account?secret=...&issuer=...})
 * @param recoveryCodes single-use recovery codes, formatted {@code xxxx-xxxx-xxxx-xxxx}
 */
public record TotpEnrolment(String secretBase32, String otpauthUri, List<String> recoveryCodes) {

  /** Copies the components. */
  public TotpEnrolment {
    Objects.requireNonNull(secretBase32, "secretBase32");
    Objects.requireNonNull(otpauthUri, "otpauthUri");
    recoveryCodes = List.copyOf(recoveryCodes);
  }

  @Override
  public String toString() {
    return "TotpEnrolment[secret=[REDACTED], otpauthUri=[REDACTED], recoveryCodes=" + recoveryCodes.size()
        + " [REDACTED]]";
  }
}
