package dev.bulwark.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Keys generated once per test run, and a way to hand-assemble signed tokens with any header and payload. */
final class TestKeys {

  static final byte[] HMAC_SECRET = random(32);
  static final KeyPair RSA = generateRsa(2048);
  static final KeyPair EC = generateEc("secp256r1");

  private TestKeys() {}

  static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  static KeyPair generateRsa(int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static KeyPair generateEc(String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** header.payload.signature where the signature is made by {@code key} over the given JSON texts. */
  static String signRaw(JwtKey key, String headerJson, String payloadJson) {
    String header = b64(headerJson);
    String payload = b64(payloadJson);
    byte[] sig = key.jwtAlgorithm().sign(header.getBytes(StandardCharsets.US_ASCII),
        payload.getBytes(StandardCharsets.US_ASCII));
    return header + "." + payload + "." + b64(sig);
  }
}
