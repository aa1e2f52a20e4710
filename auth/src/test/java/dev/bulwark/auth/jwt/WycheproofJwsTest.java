package dev.bulwark.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.auth.AuthenticationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of Wycheproof's json_web_signature_test.json. A group whose key Bulwark can configure (HS256/384/512,
 * RS256, ES256, a signature key) runs through the real JWS layer ({@link JwsCheck}): valid cases verify, invalid
 * ones are rejected, and none reaches a Principal through {@link JwtVerifier} (the payloads are not claim sets).
 * A group whose key Bulwark refuses (PS*, RS384/512, ES512, an encryption key) must be refused at configuration.
 */
class WycheproofJwsTest {

  /**
   * Wycheproof marks these "valid" although a base64url part contains '?'. Bulwark decodes strictly (RFC 7515
   * requires base64url without other characters), so it rejects them: a deliberate, stricter choice.
   */
  static final Set<Integer> STRICTER_THAN_WYCHEPROOF = Set.of(372, 373);

  /**
   * Corpus defects: these "invalid" cases are byte-identical to valid case 357 (the padding they were meant to
   * carry is missing from this copy of the file). The test asserts the identity, so a fixed corpus makes it fail.
   */
  static final Map<Integer, Integer> IDENTICAL_TO_VALID_CASE = Map.of(367, 357, 370, 357);

  /** Key algorithms Bulwark refuses to configure (the corpus spells P-521 ECDSA "ES521"); their groups are refused. */
  static final Set<String> UNSUPPORTED_ALGS = Set.of("RS384", "RS512", "PS256", "PS384", "PS512", "ES512", "ES521");

  static JsonNode corpus() throws IOException {
    try (InputStream in = WycheproofJwsTest.class.getResourceAsStream("/wycheproof/json_web_signature_test.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  static String jwsText(JsonNode test) {
    JsonNode jws = test.get("jws");
    return jws.isTextual() ? jws.textValue() : jws.toString();
  }

  @TestFactory
  Stream<DynamicTest> everyVector() throws IOException {
    JsonNode root = corpus();
    Map<Integer, String> byId = new LinkedHashMap<>();
    for (JsonNode group : root.get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        byId.put(test.get("tcId").asInt(), jwsText(test));
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      JsonNode jwk = group.has("public") ? group.get("public") : group.get("private");
      JwtKey key;
      try {
        key = Jwks.parseKey(jwk.toString());
      } catch (IllegalArgumentException refused) {
        key = null;
      }
      for (JsonNode test : group.get("tests")) {
        int id = test.get("tcId").asInt();
        String name = "tc" + id + " " + group.get("comment").asText() + " " + test.get("comment").asText()
            + " (" + test.get("result").asText() + ")";
        JwtKey k = key;
        tests.add(DynamicTest.dynamicTest(name, () -> check(k, jwk, test, byId)));
      }
    }
    assertEquals(root.get("numberOfTests").asInt(), tests.size());
    return tests.stream();
  }

  private static void check(JwtKey key, JsonNode jwk, JsonNode test, Map<Integer, String> byId) throws Exception {
    int id = test.get("tcId").asInt();
    String jws = jwsText(test);
    boolean valid = "valid".equals(test.get("result").asText());
    if (key == null) {
      // Bulwark refused the key: fine for an invalid case, and for a valid one only with an unsupported algorithm.
      String alg = jwk.path("alg").asText("");
      assertTrue(!valid || UNSUPPORTED_ALGS.contains(alg), "a key for a valid vector was refused: " + jwk);
      return;
    }
    KeySet keys = KeySet.of(key);
    JwsCheck check = new JwsCheck(keys);
    if (IDENTICAL_TO_VALID_CASE.containsKey(id)) {
      assertEquals(byId.get(IDENTICAL_TO_VALID_CASE.get(id)), jws, "the corpus defect was fixed; drop the exception");
      return;
    }
    if (valid && !STRICTER_THAN_WYCHEPROOF.contains(id)) {
      VerifiedJws verified = check.verify(jws);
      String payloadPart = jws.split("\\.", -1)[1];
      assertArrayEquals(java.util.Base64.getUrlDecoder().decode(payloadPart), verified.payload());
    } else {
      assertThrows(AuthenticationException.class, () -> check.verify(jws));
    }
    // Whatever the JWS layer says, none of these is an access token.
    JwtVerifier verifier = JwtVerifier.builder(keys).issuer("iss").audience("aud").build();
    assertThrows(AuthenticationException.class, () -> verifier.verify(jws));
  }

  @Test
  void theGroupsBulwarkSupportsAreActuallyExercised() throws IOException {
    int configured = 0;
    int validAccepted = 0;
    for (JsonNode group : corpus().get("testGroups")) {
      JsonNode jwk = group.has("public") ? group.get("public") : group.get("private");
      try {
        JwtKey key = Jwks.parseKey(jwk.toString());
        configured++;
        for (JsonNode test : group.get("tests")) {
          int id = test.get("tcId").asInt();
          if ("valid".equals(test.get("result").asText()) && !STRICTER_THAN_WYCHEPROOF.contains(id)) {
            new JwsCheck(KeySet.of(key)).verify(jwsText(test));
            validAccepted++;
          }
        }
      } catch (IllegalArgumentException refused) {
        // counted by everyVector
      } catch (AuthenticationException e) {
        fail("valid vector rejected: " + e.reason());
      }
    }
    // HS256 x4 groups, ES256 x2, RS256 x4 (incl. RFC 7520 and key_ops=verify).
    assertTrue(configured >= 9, "configured groups: " + configured);
    assertTrue(validAccepted >= 15, "valid vectors accepted: " + validAccepted);
  }

  @Test
  void encryptionKeysAndUnsupportedAlgorithmsAreRefusedAtConfiguration() throws IOException {
    for (JsonNode group : corpus().get("testGroups")) {
      JsonNode jwk = group.has("public") ? group.get("public") : group.get("private");
      String use = jwk.path("use").asText("sig");
      boolean encryption = !"sig".equals(use) || (jwk.has("key_ops") && !jwk.get("key_ops").toString().contains("verify"));
      if (encryption || UNSUPPORTED_ALGS.contains(jwk.path("alg").asText())) {
        assertThrows(IllegalArgumentException.class, () -> Jwks.parseKey(jwk.toString()), jwk.toString());
      }
    }
  }

  @Test
  void paddedBase64IsRejectedEvenThoughTheCorpusCopyLostItsPadding() throws Exception {
    String valid = "eyJraWQiOiJoczI1Ni1rZXkiLCJhbGciOiJIUzI1NiJ9.VGVzdA.c1LROH7eNQwUT8KMVEO52VC3WZ9e_AnDWbZ7aMmowV8";
    JwtKey key = Jwks.parseKey("{\"kty\":\"oct\",\"kid\":\"hs256-key\",\"use\":\"sig\",\"alg\":\"HS256\","
        + "\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}");
    JwsCheck check = new JwsCheck(KeySet.of(key));
    check.verify(valid);
    String[] p = valid.split("\\.");
    assertThrows(AuthenticationException.class, () -> check.verify(p[0] + "." + p[1] + "." + p[2] + "="));
    assertThrows(AuthenticationException.class, () -> check.verify(p[0] + "." + p[1] + "==." + p[2]));
    assertEquals("Test", new String(check.verify(valid).payload(), StandardCharsets.UTF_8));
  }
}
