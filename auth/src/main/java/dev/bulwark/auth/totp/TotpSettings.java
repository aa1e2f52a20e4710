package dev.bulwark.auth.totp;

import java.time.Duration;
import java.util.Objects;

/**
 * TOTP parameters (RFC 6238). The defaults, HMAC-SHA1, 6 digits, 30-second steps and one step of drift either
 * way, are what every authenticator app supports; other values are for tests and special deployments.
 *
 * @param algorithm the HMAC behind the codes
 * @param digits code length, 6 to 8
 * @param step the time step, 15 seconds to 5 minutes
 * @param window steps of clock drift accepted before and after the current one, 0 to 2
 */
public record TotpSettings(Algorithm algorithm, int digits, Duration step, int window) {

  /** HMAC-SHA1, 6 digits, 30 s, a window of one step either side. */
  public static final TotpSettings DEFAULT = new TotpSettings(Algorithm.SHA1, 6, Duration.ofSeconds(30), 1);

  /** The HMACs RFC 6238 names, with the secret size each gets (the HMAC's output size). */
  public enum Algorithm {
    /** HMAC-SHA1 with a 160-bit secret: the one authenticator apps implement everywhere. */
    SHA1("HmacSHA1", 20),
    /** HMAC-SHA256 with a 256-bit secret. */
    SHA256("HmacSHA256", 32),
    /** HMAC-SHA512 with a 512-bit secret. */
    SHA512("HmacSHA512", 64);

    final String jcaName;
    final int secretBytes;

    Algorithm(String jcaName, int secretBytes) {
      this.jcaName = jcaName;
      this.secretBytes = secretBytes;
    }
  }

  /** Fails fast on values outside the documented ranges. */
  public TotpSettings {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(step, "step");
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("TOTP digits must be 6 to 8 (was " + digits + ")");
    }
    if (step.compareTo(Duration.ofSeconds(15)) < 0 || step.compareTo(Duration.ofMinutes(5)) > 0
        || step.getNano() != 0) {
      throw new IllegalArgumentException("TOTP step must be whole seconds from 15 s to 5 min (was " + step + ")");
    }
    if (window < 0 || window > 2) {
      throw new IllegalArgumentException("TOTP window must be 0 to 2 steps (was " + window + ")");
    }
  }

  /** The time step number at {@code epochSecond}. */
  long stepAt(long epochSecond) {
    return Math.floorDiv(epochSecond, step.getSeconds());
  }
}
