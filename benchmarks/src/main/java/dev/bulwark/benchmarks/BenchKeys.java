package dev.bulwark.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.auth.jwt.JwtKey;
import dev.bulwark.auth.jwt.JwtVerifier;
import dev.bulwark.auth.jwt.KeySet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;

/**
 * The key material every benchmark variant shares: one signing key per algorithm, with the issuer, audience and role
 * the endpoint checks. Written to and read from a directory so the load script can give the same keys to every
 * server it starts (Bulwark, the hand-written handler and the Spring peer) and to the token minter.
 */
public final class BenchKeys {
  public static final String ISSUER = "https://auth.bench.example";
  public static final String AUDIENCE = "bench-api";
  public static final String ROLE = "user";
  public static final String KID = "bench-1";

  public final JwsAlgorithm algorithm;
  public final byte[] hmacSecret;
  public final KeyPair pair;

  private BenchKeys(JwsAlgorithm algorithm, byte[] hmacSecret, KeyPair pair) {
    this.algorithm = algorithm;
    this.hmacSecret = hmacSecret;
    this.pair = pair;
  }

  /** Fresh keys for one algorithm (HS256, RS256 or ES256). */
  public static BenchKeys generate(JwsAlgorithm algorithm) {
    try {
      return switch (algorithm) {
        case HS256 -> {
          byte[] secret = new byte[32];
          new SecureRandom().nextBytes(secret);
          yield new BenchKeys(algorithm, secret, null);
        }
        case RS256 -> {
          KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
          rsa.initialize(2048);
          yield new BenchKeys(algorithm, null, rsa.generateKeyPair());
        }
        case ES256 -> {
          KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
          ec.initialize(new ECGenParameterSpec("secp256r1"));
          yield new BenchKeys(algorithm, null, ec.generateKeyPair());
        }
        default -> throw new IllegalArgumentException("benchmarks cover HS256, RS256 and ES256, not " + algorithm);
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bulwark's key, with its private half so it can sign. */
  public JwtKey jwtKey() {
    return switch (algorithm) {
      case HS256 -> JwtKey.hmac(KID, algorithm, hmacSecret);
      case RS256 -> JwtKey.rsa(KID, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
      case ES256 -> JwtKey.ec(KID, (ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
      default -> throw new AssertionError(algorithm);
    };
  }

  /** The java-jwt algorithm, for the hand-written verifier. */
  public Algorithm javaJwtAlgorithm() {
    return switch (algorithm) {
      case HS256 -> Algorithm.HMAC256(hmacSecret);
      case RS256 -> Algorithm.RSA256((RSAPublicKey) pair.getPublic(), null);
      case ES256 -> Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), null);
      default -> throw new AssertionError(algorithm);
    };
  }

  /** Bulwark's verifier for these keys, with the endpoint's issuer and audience. */
  public JwtVerifier verifier() {
    return JwtVerifier.builder(KeySet.of(jwtKey())).issuer(ISSUER).audience(AUDIENCE).build();
  }

  /** An access token for {@code subject} with the {@code user} role, valid for {@code ttl}. */
  public String token(String subject, Duration ttl) {
    Instant now = Instant.now();
    return jwtKey().sign(JWT.create()
        .withHeader(java.util.Map.of("typ", JwtVerifier.ACCESS_TOKEN_TYPE))
        .withIssuer(ISSUER).withAudience(AUDIENCE).withSubject(subject)
        .withIssuedAt(now).withNotBefore(now).withExpiresAt(now.plus(ttl))
        .withJWTId(subject + "-" + now.toEpochMilli())
        .withArrayClaim("roles", new String[] {ROLE}));
  }

  /** Writes the keys to {@code dir/keys.properties} (base64: the secret, or PKCS#8 and X.509 encodings). */
  public void write(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("alg", algorithm.name());
    Base64.Encoder b64 = Base64.getEncoder();
    if (hmacSecret != null) {
      p.setProperty("secret", b64.encodeToString(hmacSecret));
    } else {
      p.setProperty("public", b64.encodeToString(pair.getPublic().getEncoded()));
      p.setProperty("private", b64.encodeToString(pair.getPrivate().getEncoded()));
    }
    Files.createDirectories(dir);
    try (var out = Files.newBufferedWriter(dir.resolve("keys-" + algorithm + ".properties"), StandardCharsets.UTF_8)) {
      p.store(out, "benchmark keys, made by TokenMint; never use outside benchmarks");
    }
  }

  /** Reads what {@link #write} wrote. */
  public static BenchKeys read(Path dir, JwsAlgorithm algorithm) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(dir.resolve("keys-" + algorithm + ".properties"), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    Base64.Decoder b64 = Base64.getDecoder();
    if (algorithm == JwsAlgorithm.HS256) {
      return new BenchKeys(algorithm, b64.decode(p.getProperty("secret")), null);
    }
    try {
      KeyFactory factory = KeyFactory.getInstance(algorithm == JwsAlgorithm.RS256 ? "RSA" : "EC");
      var pub = factory.generatePublic(new X509EncodedKeySpec(b64.decode(p.getProperty("public"))));
      var priv = factory.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(p.getProperty("private"))));
      return new BenchKeys(algorithm, null, new KeyPair(pub, priv));
    } catch (GeneralSecurityException e) {
      throw new IOException("bad benchmark keys in " + dir, e);
    }
  }
}
