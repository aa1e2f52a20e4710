package dev.bulwark.auth.jwt;

import java.util.Optional;

/**
 * The JWS algorithms Bulwark accepts. Each configured key is pinned to exactly one of them; {@code none},
 * RS384/RS512, the PS* and other ES* algorithms are deliberately absent.
 */
public enum JwsAlgorithm {
  /** HMAC with SHA-256; the secret must be at least 32 bytes. */
  HS256(Family.HMAC, 32),
  /** HMAC with SHA-384; the secret must be at least 48 bytes. */
  HS384(Family.HMAC, 48),
  /** HMAC with SHA-512; the secret must be at least 64 bytes. */
  HS512(Family.HMAC, 64),
  /** RSASSA-PKCS1-v1_5 with SHA-256; the modulus must be at least 2048 bits. */
  RS256(Family.RSA, 2048),
  /** ECDSA on P-256 with SHA-256, signatures in the JOSE (P1363) form. */
  ES256(Family.EC, 256);

  /** The kind of key an algorithm takes. */
  enum Family { HMAC, RSA, EC }

  private final Family family;
  private final int minimumKeySize;

  JwsAlgorithm(Family family, int minimumKeySize) {
    this.family = family;
    this.minimumKeySize = minimumKeySize;
  }

  Family family() {
    return family;
  }

  /** Bytes for an HMAC secret, bits for an RSA modulus or an EC field. */
  int minimumKeySize() {
    return minimumKeySize;
  }

  /** The algorithm whose JWA name is exactly {@code name} (case-sensitive, as RFC 7515 requires). */
  static Optional<JwsAlgorithm> fromJwaName(String name) {
    for (JwsAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
