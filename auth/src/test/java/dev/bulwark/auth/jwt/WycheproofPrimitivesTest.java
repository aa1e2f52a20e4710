package dev.bulwark.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.algorithms.Es256Bridge;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.auth.AuthenticationException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JWS-relevant Wycheproof vectors for the primitives under HS256, ES256 (P1363, the JOSE form) and RS256,
 * through java-jwt's algorithms with keys that passed {@link JwtKey}'s checks. Invalid signatures are also run
 * through the whole JWS layer (wrapped in a token naming the key): a structural flaw (r = 0, a DER signature,
 * a wrong length) is rejected whatever the message, so no invalid one may pass there either.
 */
class WycheproofPrimitivesTest {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * Valid P-256 vectors whose x-coordinate of kG exceeds n (so r = x - n). The SunEC provider of some JDK 17
   * builds (17.0.15 here) rejects them; JDK 25 accepts them. java-jwt delegates to the JDK, so on such a JDK the
   * test only requires java-jwt's answer to equal the JDK's own P1363 answer. A false rejection, never an accept.
   */
  private static final java.util.Set<Integer> JDK_EDGE_CASES = java.util.Set.of(115, 257);

  static JsonNode load(String name) throws IOException {
    try (InputStream in = WycheproofPrimitivesTest.class.getResourceAsStream("/wycheproof/" + name)) {
      return new ObjectMapper().readTree(in);
    }
  }

  @TestFactory
  @SuppressWarnings("deprecation") // Algorithm.sign(byte[]) signs raw bytes, which is what a MAC vector needs
  Stream<DynamicTest> hmacSha256() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    int exercised = 0;
    for (JsonNode group : load("hmac_sha256_test.json").get("testGroups")) {
      int keySize = group.get("keySize").asInt();
      int tagSize = group.get("tagSize").asInt();
      for (JsonNode t : group.get("tests")) {
        byte[] key = HEX.parseHex(t.get("key").asText());
        byte[] msg = HEX.parseHex(t.get("msg").asText());
        byte[] tag = HEX.parseHex(t.get("tag").asText());
        boolean valid = "valid".equals(t.get("result").asText());
        String name = "hmac tc" + t.get("tcId").asInt() + " key" + keySize + " tag" + tagSize + " " + t.get("comment").asText();
        if (key.length < 32) {
          // HS256 refuses secrets under 256 bits at configuration; the vector cannot reach a verifier.
          tests.add(DynamicTest.dynamicTest(name, () ->
              assertThrows(IllegalArgumentException.class, () -> JwtKey.hmac("k", JwsAlgorithm.HS256, key))));
        } else if (tagSize != 256) {
          // JWS HS256 always carries the full 256-bit tag: a truncated tag never verifies.
          tests.add(DynamicTest.dynamicTest(name, () -> {
            byte[] full = JwtKey.hmac("k", JwsAlgorithm.HS256, key).jwtAlgorithm().sign(msg);
            assertTrue(tag.length != full.length || !valid);
          }));
        } else {
          exercised++;
          tests.add(DynamicTest.dynamicTest(name, () -> {
            byte[] mac = JwtKey.hmac("k", JwsAlgorithm.HS256, key).jwtAlgorithm().sign(msg);
            assertEquals(valid, MessageDigest.isEqual(mac, tag));
          }));
        }
      }
    }
    assertTrue(exercised >= 70, "full-tag HMAC vectors exercised: " + exercised);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> ecdsaP256P1363() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    KeyFactory ec = KeyFactory.getInstance("EC");
    for (JsonNode group : load("ecdsa_secp256r1_sha256_p1363_test.json").get("testGroups")) {
      ECPublicKey pub = (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(HEX.parseHex(group.get("publicKeyDer").asText())));
      JwtKey key = JwtKey.ec("wp-ec", pub);
      for (JsonNode t : group.get("tests")) {
        byte[] msg = HEX.parseHex(t.get("msg").asText());
        byte[] sig = HEX.parseHex(t.get("sig").asText());
        boolean valid = "valid".equals(t.get("result").asText());
        String name = "ecdsa tc" + t.get("tcId").asInt() + " " + t.get("comment").asText() + " (" + t.get("result").asText() + ")";
        int id = t.get("tcId").asInt();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          if (valid && JDK_EDGE_CASES.contains(id) && !jdkP1363(pub, msg, sig)) {
            assertEquals(false, Es256Bridge.verify(pub, msg, sig));
            return;
          }
          assertEquals(valid, Es256Bridge.verify(pub, msg, sig));
          if (!valid) {
            assertRejectedAsJws(key, "ES256", msg, sig);
          }
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> rsaPkcs1Sha256() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    for (JsonNode group : load("rsa_signature_2048_sha256_test.json").get("testGroups")) {
      RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(HEX.parseHex(group.get("publicKeyDer").asText())));
      JwtKey key = JwtKey.rsa("wp-rsa", pub);
      for (JsonNode t : group.get("tests")) {
        byte[] msg = HEX.parseHex(t.get("msg").asText());
        byte[] sig = HEX.parseHex(t.get("sig").asText());
        String result = t.get("result").asText();
        String name = "rsa tc" + t.get("tcId").asInt() + " " + t.get("comment").asText() + " (" + result + ")";
        tests.add(DynamicTest.dynamicTest(name, () -> {
          // java-jwt's RS256 hands the signature bytes unchanged to the JDK's SHA256withRSA; so does this.
          boolean ok = rs256(pub, msg, sig);
          if ("valid".equals(result)) {
            assertTrue(ok);
          } else if ("invalid".equals(result)) {
            assertTrue(!ok);
            assertRejectedAsJws(key, "RS256", msg, sig);
          }
        }));
      }
    }
    return tests.stream();
  }

  private static boolean jdkP1363(ECPublicKey key, byte[] msg, byte[] sig) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
      s.initVerify(key);
      s.update(msg);
      return s.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean rs256(RSAPublicKey key, byte[] msg, byte[] sig) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(key);
      s.update(msg);
      return s.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static void assertRejectedAsJws(JwtKey key, String alg, byte[] msg, byte[] sig) {
    String jws = TestKeys.b64("{\"alg\":\"" + alg + "\",\"kid\":\"" + key.kid() + "\"}") + "." + TestKeys.b64(msg)
        + "." + TestKeys.b64(sig);
    assertThrows(AuthenticationException.class, () -> new JwsCheck(KeySet.of(key)).verify(jws));
  }
}
