package dev.bulwark.auth.jwt;

import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * One JWS key: a {@code kid}, the single algorithm it is pinned to, and the key material (a verification key,
 * and a signing key if this service issues tokens with it).
 *
 * <p>Every factory checks the configuration and throws {@link IllegalArgumentException} with a message that
 * says what to fix: an HMAC secret shorter than the algorithm's hash, an RSA modulus under 2048 bits, an EC key
 * not on P-256, a key of the wrong type for the algorithm, a private key that does not match the public one.
 * {@link #toString()} never prints key material.
 */
public final class JwtKey {

  private static final int MAX_KID_LENGTH = 256;
  private static final byte[] PROBE = "bulwark key pair probe".getBytes(StandardCharsets.US_ASCII);

  private final String kid;
  private final JwsAlgorithm algorithm;
  private final Algorithm jwt;
  private final boolean canSign;

  private JwtKey(String kid, JwsAlgorithm algorithm, Algorithm jwt, boolean canSign) {
    this.kid = kid;
    this.algorithm = algorithm;
    this.jwt = jwt;
    this.canSign = canSign;
  }

  /** An HMAC key (signs and verifies). The secret is copied. */
  public static JwtKey hmac(String kid, JwsAlgorithm algorithm, byte[] secret) {
    checkKid(kid);
    Objects.requireNonNull(algorithm, "algorithm");
    if (algorithm.family() != JwsAlgorithm.Family.HMAC) {
      throw new IllegalArgumentException("JWT key '" + kid + "': algorithm " + algorithm
          + " does not take an HMAC secret; use HS256, HS384 or HS512, or give an RSA/EC key");
    }
    if (secret == null || secret.length < algorithm.minimumKeySize()) {
      throw new IllegalArgumentException("JWT key '" + kid + "': the " + algorithm + " secret is "
          + (secret == null ? 0 : secret.length * 8) + " bits; it must be at least "
          + algorithm.minimumKeySize() * 8 + " bits of random data (for example 32 random bytes, base64-encoded)");
    }
    byte[] copy = secret.clone();
    Algorithm jwt = switch (algorithm) {
      case HS256 -> Algorithm.HMAC256(copy);
      case HS384 -> Algorithm.HMAC384(copy);
      case HS512 -> Algorithm.HMAC512(copy);
      default -> throw new AssertionError(algorithm);
    };
    Arrays.fill(copy, (byte) 0); // java-jwt keeps its own copy
    return new JwtKey(kid, algorithm, jwt, true);
  }

  /** An RS256 verification key. */
  public static JwtKey rsa(String kid, RSAPublicKey publicKey) {
    return rsa(kid, publicKey, null);
  }

  /** An RS256 key pair; {@code privateKey} may be null for a verification-only key. */
  public static JwtKey rsa(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
    checkKid(kid);
    if (publicKey == null) {
      throw new IllegalArgumentException("JWT key '" + kid + "': an RS256 key needs its RSA public key");
    }
    int bits = publicKey.getModulus().bitLength();
    if (bits < JwsAlgorithm.RS256.minimumKeySize()) {
      throw new IllegalArgumentException("JWT key '" + kid + "': the RSA key is " + bits
          + " bits; RS256 needs at least 2048 bits (generate a 2048- or 3072-bit key)");
    }
    if (privateKey != null && !privateKey.getModulus().equals(publicKey.getModulus())) {
      throw new IllegalArgumentException("JWT key '" + kid + "': the RSA private key does not belong to its public key");
    }
    JwtKey key = new JwtKey(kid, JwsAlgorithm.RS256, Algorithm.RSA256(publicKey, privateKey), privateKey != null);
    key.probeKeyPair();
    return key;
  }

  /** An ES256 verification key on P-256. */
  public static JwtKey ec(String kid, ECPublicKey publicKey) {
    return ec(kid, publicKey, null);
  }

  /** An ES256 key pair on P-256; {@code privateKey} may be null for a verification-only key. */
  public static JwtKey ec(String kid, ECPublicKey publicKey, ECPrivateKey privateKey) {
    checkKid(kid);
    if (publicKey == null) {
      throw new IllegalArgumentException("JWT key '" + kid + "': an ES256 key needs its EC public key");
    }
    if (!isP256(publicKey.getParams()) || (privateKey != null && !isP256(privateKey.getParams()))) {
      throw new IllegalArgumentException("JWT key '" + kid
          + "': ES256 needs a key on the P-256 curve (secp256r1); this key is on another curve");
    }
    JwtKey key = new JwtKey(kid, JwsAlgorithm.ES256, Algorithm.ECDSA256(publicKey, privateKey), privateKey != null);
    key.probeKeyPair();
    return key;
  }

  /**
   * A key of any supported type pinned to {@code algorithm}; fails when the key's type does not match the
   * algorithm (an RSA key for HS256, a secret for RS256, ...). {@code privateKey} may be null.
   */
  public static JwtKey of(String kid, JwsAlgorithm algorithm, Key key, PrivateKey privateKey) {
    checkKid(kid);
    Objects.requireNonNull(algorithm, "algorithm");
    switch (algorithm.family()) {
      case HMAC -> {
        if (!(key instanceof SecretKey secret) || privateKey != null) {
          throw mismatch(kid, algorithm, key, "an HMAC SecretKey");
        }
        byte[] bytes = secret.getEncoded();
        try {
          return hmac(kid, algorithm, bytes);
        } finally {
          if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
          }
        }
      }
      case RSA -> {
        if (!(key instanceof RSAPublicKey pub) || (privateKey != null && !(privateKey instanceof RSAPrivateKey))) {
          throw mismatch(kid, algorithm, key, "an RSA public key (and optionally its RSA private key)");
        }
        return rsa(kid, pub, (RSAPrivateKey) privateKey);
      }
      case EC -> {
        if (!(key instanceof ECPublicKey pub) || (privateKey != null && !(privateKey instanceof ECPrivateKey))) {
          throw mismatch(kid, algorithm, key, "an EC P-256 public key (and optionally its EC private key)");
        }
        return ec(kid, pub, (ECPrivateKey) privateKey);
      }
      default -> throw new AssertionError(algorithm);
    }
  }

  /** The key id that tokens name in their {@code kid} header. */
  public String kid() {
    return kid;
  }

  /** The one algorithm this key accepts. */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /** Whether this key can sign (an HMAC secret, or a pair with its private key). */
  public boolean canSign() {
    return canSign;
  }

  /**
   * Signs a java-jwt token under construction with this key, setting its {@code kid} header to this key's.
   *
   * @throws IllegalStateException when this key cannot sign (a public key alone)
   */
  public String sign(JWTCreator.Builder token) {
    if (!canSign) {
      throw new IllegalStateException("JWT key '" + kid + "' is verify-only; give it its private key to sign");
    }
    return token.withKeyId(kid).sign(jwt);
  }

  Algorithm jwtAlgorithm() {
    return jwt;
  }

  @Override
  public String toString() {
    return "JwtKey[kid=" + kid + ", alg=" + algorithm + (canSign ? ", signing" : ", verify-only") + "]";
  }

  // A private key that does not match its public key would mint tokens nobody can verify: fail at start.
  private void probeKeyPair() {
    if (!canSign) {
      return;
    }
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String part = b64.encodeToString(PROBE);
    byte[] ascii = part.getBytes(StandardCharsets.US_ASCII);
    String signature = b64.encodeToString(jwt.sign(ascii, ascii));
    try {
      jwt.verify(new SignedParts(part, part, signature, kid));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("JWT key '" + kid + "': the private key does not belong to its public key");
    }
  }

  private static IllegalArgumentException mismatch(String kid, JwsAlgorithm algorithm, Key key, String expected) {
    String got = key == null ? "no key" : (key.getAlgorithm() + " key");
    return new IllegalArgumentException("JWT key '" + kid + "': algorithm " + algorithm + " needs " + expected
        + " but was given " + got + "; pin the key to the algorithm that matches its type");
  }

  private static void checkKid(String kid) {
    if (kid == null || kid.isBlank()) {
      throw new IllegalArgumentException("every JWT key needs a non-blank kid, so tokens can name it and keys can rotate");
    }
    if (kid.length() > MAX_KID_LENGTH) {
      throw new IllegalArgumentException("JWT key id is longer than " + MAX_KID_LENGTH + " characters; use a short kid");
    }
    for (int i = 0; i < kid.length(); i++) {
      char c = kid.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("JWT key id must be printable ASCII without spaces (a kid had character "
            + (int) c + " at index " + i + ")");
      }
    }
  }

  private static boolean isP256(ECParameterSpec params) {
    if (params == null) {
      return false;
    }
    ECParameterSpec p256 = P256.SPEC;
    return params.getCurve().equals(p256.getCurve())
        && params.getGenerator().equals(p256.getGenerator())
        && params.getOrder().equals(p256.getOrder())
        && params.getCofactor() == p256.getCofactor();
  }

  static ECParameterSpec p256() {
    return P256.SPEC;
  }

  /** The standard P-256 parameters, resolved once from the JDK. */
  private static final class P256 {
    static final ECParameterSpec SPEC = load();

    private static ECParameterSpec load() {
      try {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JDK has no P-256 (secp256r1) support", e);
      }
    }
  }

}
