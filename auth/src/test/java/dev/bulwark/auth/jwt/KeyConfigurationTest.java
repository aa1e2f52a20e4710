package dev.bulwark.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Unsafe configuration fails at start with a message that says what to fix. */
class KeyConfigurationTest {

  static final RSAPublicKey RSA_PUB = (RSAPublicKey) TestKeys.RSA.getPublic();
  static final RSAPrivateKey RSA_PRIV = (RSAPrivateKey) TestKeys.RSA.getPrivate();
  static final ECPublicKey EC_PUB = (ECPublicKey) TestKeys.EC.getPublic();
  static final ECPrivateKey EC_PRIV = (ECPrivateKey) TestKeys.EC.getPrivate();

  static String message(Runnable r) {
    return assertThrows(RuntimeException.class, r::run).getMessage();
  }

  @Test
  void hmacSecretUnder256BitsIsRefused() {
    String m = message(() -> JwtKey.hmac("k", JwsAlgorithm.HS256, new byte[31]));
    assertTrue(m.contains("248 bits") && m.contains("at least 256 bits"), m);
    JwtKey.hmac("k", JwsAlgorithm.HS256, TestKeys.random(32));
  }

  @Test
  void hmacSecretUnderTheHashSizeIsRefused() {
    assertTrue(message(() -> JwtKey.hmac("k", JwsAlgorithm.HS384, TestKeys.random(32))).contains("at least 384 bits"));
    assertTrue(message(() -> JwtKey.hmac("k", JwsAlgorithm.HS512, TestKeys.random(48))).contains("at least 512 bits"));
    JwtKey.hmac("k", JwsAlgorithm.HS512, TestKeys.random(64));
  }

  @Test
  void missingHmacSecretIsRefused() {
    assertTrue(message(() -> JwtKey.hmac("k", JwsAlgorithm.HS256, null)).contains("at least 256 bits"));
  }

  @Test
  void rsaUnder2048BitsIsRefused() {
    KeyPair small = TestKeys.generateRsa(1024);
    String m = message(() -> JwtKey.rsa("k", (RSAPublicKey) small.getPublic()));
    assertTrue(m.contains("1024 bits") && m.contains("at least 2048"), m);
  }

  @Test
  void ecKeyOffP256IsRefused() {
    KeyPair p384 = TestKeys.generateEc("secp384r1");
    assertTrue(message(() -> JwtKey.ec("k", (ECPublicKey) p384.getPublic())).contains("P-256"));
  }

  @Test
  void algorithmThatDoesNotMatchTheKeyTypeIsRefused() {
    assertTrue(message(() -> JwtKey.of("k", JwsAlgorithm.HS256, RSA_PUB, null)).contains("needs an HMAC SecretKey"));
    assertTrue(message(() -> JwtKey.of("k", JwsAlgorithm.RS256, EC_PUB, null)).contains("needs an RSA public key"));
    assertTrue(message(() -> JwtKey.of("k", JwsAlgorithm.ES256, RSA_PUB, null)).contains("needs an EC P-256"));
    assertTrue(message(() -> JwtKey.of("k", JwsAlgorithm.RS256,
        new SecretKeySpec(TestKeys.random(32), "HmacSHA256"), null)).contains("needs an RSA public key"));
    assertTrue(message(() -> JwtKey.hmac("k", JwsAlgorithm.RS256, TestKeys.random(32))).contains("does not take an HMAC"));
    assertEquals(JwsAlgorithm.RS256, JwtKey.of("k", JwsAlgorithm.RS256, RSA_PUB, RSA_PRIV).algorithm());
    assertEquals(JwsAlgorithm.HS384,
        JwtKey.of("k", JwsAlgorithm.HS384, new SecretKeySpec(TestKeys.random(48), "HmacSHA384"), null).algorithm());
  }

  @Test
  void privateKeyOfAnotherPairIsRefused() {
    KeyPair other = TestKeys.generateEc("secp256r1");
    assertTrue(message(() -> JwtKey.ec("k", EC_PUB, (ECPrivateKey) other.getPrivate())).contains("does not belong"));
    KeyPair otherRsa = TestKeys.generateRsa(2048);
    assertTrue(message(() -> JwtKey.rsa("k", RSA_PUB, (RSAPrivateKey) otherRsa.getPrivate())).contains("does not belong"));
  }

  @Test
  void kidIsRequiredAndPrintable() {
    assertTrue(message(() -> JwtKey.hmac(" ", JwsAlgorithm.HS256, TestKeys.random(32))).contains("non-blank kid"));
    assertTrue(message(() -> JwtKey.hmac("a b", JwsAlgorithm.HS256, TestKeys.random(32))).contains("printable ASCII"));
  }

  @Test
  void duplicateKidIsRefused() {
    JwtKey a = JwtKey.hmac("same", JwsAlgorithm.HS256, TestKeys.random(32));
    JwtKey b = JwtKey.rsa("same", RSA_PUB);
    assertTrue(message(() -> KeySet.of(a, b)).contains("share the kid 'same'"));
    assertTrue(message(KeySet::of).contains("at least one key"));
  }

  @Test
  void verifierNeedsIssuerAudienceAndABoundedLeeway() {
    KeySet keys = KeySet.of(JwtKey.hmac("k", JwsAlgorithm.HS256, TestKeys.random(32)));
    assertTrue(message(() -> JwtVerifier.builder(keys).audience("a").build()).contains("needs an issuer"));
    assertTrue(message(() -> JwtVerifier.builder(keys).issuer("i").build()).contains("needs an audience"));
    assertTrue(message(() -> JwtVerifier.builder(keys).issuer("i").audience("a").leeway(Duration.ofSeconds(61)).build())
        .contains("between 0 and 60 seconds"));
    assertTrue(message(() -> JwtVerifier.builder(keys).issuer("i").audience("a").leeway(Duration.ofSeconds(-1)).build())
        .contains("between 0 and 60 seconds"));
    JwtVerifier.builder(keys).issuer("i").audience("a").leeway(Duration.ofSeconds(60)).build();
  }

  @Test
  void messagesNeverContainKeyMaterial() {
    byte[] secret = TestKeys.random(31);
    String m = message(() -> JwtKey.hmac("k", JwsAlgorithm.HS256, secret));
    assertFalse(m.contains(Base64.getEncoder().encodeToString(secret)));
    JwtKey key = JwtKey.hmac("k", JwsAlgorithm.HS256, TestKeys.random(32));
    assertEquals("JwtKey[kid=k, alg=HS256, signing]", key.toString());
  }

  @Test
  void verifyOnlyKeysCannotSign() {
    JwtKey pub = JwtKey.rsa("k", RSA_PUB);
    assertFalse(pub.canSign());
    assertTrue(message(() -> pub.sign(com.auth0.jwt.JWT.create())).contains("verify-only"));
  }

  @Test
  void jwksAreReadWithPinnedAlgorithms() {
    String k = Base64.getUrlEncoder().withoutPadding().encodeToString(TestKeys.random(32));
    KeySet set = Jwks.parseSet("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"alg\":\"HS256\",\"k\":\"" + k + "\"}]}");
    assertEquals(JwsAlgorithm.HS256, set.byKid("a").orElseThrow().algorithm());
    assertTrue(message(() -> Jwks.parseKey("{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"" + k + "\"}")).contains("\"alg\""));
    assertTrue(message(() -> Jwks.parseKey("{\"kty\":\"RSA\",\"kid\":\"a\",\"alg\":\"HS256\",\"k\":\"" + k + "\"}"))
        .contains("needs kty oct"));
    assertTrue(message(() -> Jwks.parseKey("{\"kty\":\"oct\",\"kid\":\"a\",\"alg\":\"none\",\"k\":\"" + k + "\"}"))
        .contains("does not accept"));
    assertTrue(message(() -> Jwks.parseKey("{\"kty\":\"oct\",\"kid\":\"a\",\"use\":\"enc\",\"alg\":\"HS256\",\"k\":\""
        + k + "\"}")).contains("use \"enc\""));
  }
}
