package dev.bulwark.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.AuthenticationException.Reason;
import dev.bulwark.auth.Principal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token pre-checks of the auth module on arbitrary input: {@code JwtVerifier.verify} on any string, on tokens
 * correctly signed with the configured key around fuzzed headers and claims, and {@code ApiKeys.verify} on any
 * string. Every refusal is an {@link AuthenticationException} whose message is only its reason code (never token
 * text); a signed token is accepted only when an independent reading of its header and claims agrees that every
 * rule holds; a malformed API key never reaches the store, and only the real key is ever accepted.
 */
final class TokenFuzzTest {
  private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final List<String> ALGS = List.of("HS256", "none", "None", "HS384", "RS256", "hs256", "HS256 ", "ES256");
  private static final List<String> TYPS = List.of("at+jwt", "AT+JWT", "application/at+jwt", "JWT", "refresh+jwt", "");
  private static final List<String> HEADER_EXTRAS = List.of("crit", "jku", "x5u", "jwk", "x5c", "b64", "cty", "zip");
  private static final long LEEWAY = 30;

  /** Any string as a Bearer token: always refused (the fuzzer cannot sign), with a reason-only message. */
  @FuzzTest(maxDuration = "30s")
  void anyString(FuzzedDataProvider data) {
    String token = data.consumeRemainingAsString();
    try {
      Principal p = Credentials.VERIFIER.verify(token);
      fail("an unsigned string was accepted as a token for " + p.id());
    } catch (AuthenticationException e) {
      assertReasonOnly(e);
    }
  }

  /**
   * A compact JWS over a fuzzed header and claim set, signed with the real key: accepted exactly when the header
   * and claims pass every documented check, read independently here; otherwise a reason-only refusal.
   */
  @FuzzTest(maxDuration = "30s")
  void signedClaims(FuzzedDataProvider data) throws GeneralSecurityException {
    byte[] header;
    byte[] payload;
    if (data.consumeBoolean()) {
      header = data.consumeBytes(data.consumeInt(0, 200));
      payload = data.consumeRemainingAsBytes();
    } else {
      header = structuredHeader(data);
      payload = structuredClaims(data);
    }
    String signingInput = B64.encodeToString(header) + "." + B64.encodeToString(payload);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Credentials.SECRET, "HmacSHA256"));
    String token = signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    Principal principal;
    try {
      principal = Credentials.VERIFIER.verify(token);
    } catch (AuthenticationException e) {
      assertReasonOnly(e);
      return;
    }
    JsonNode h = strictObject(header);
    JsonNode c = strictObject(payload);
    assertTrue(h != null && c != null, "a token whose header or claims are not one strict JSON object was accepted");
    assertEquals("HS256", text(h, "alg"), "a token with another algorithm was accepted");
    assertTrue(!h.has("kid") || Credentials.KID.equals(text(h, "kid")), "a token naming another key was accepted");
    String typ = text(h, "typ");
    assertTrue(typ != null && Set.of("at+jwt", "application/at+jwt").contains(typ.toLowerCase(Locale.ROOT)),
        "a token that is not an access token was accepted: typ " + typ);
    for (String forbidden : List.of("crit", "jku", "x5u", "jwk", "x5c", "b64")) {
      assertFalse(h.has(forbidden), "a token with a " + forbidden + " header was accepted");
    }
    assertEquals(Credentials.ISSUER, text(c, "iss"), "a token from another issuer was accepted");
    assertTrue(audienceContains(c.get("aud")), "a token for another audience was accepted");
    String sub = text(c, "sub");
    assertTrue(sub != null && !sub.isBlank(), "a token without a subject was accepted");
    assertEquals(sub, principal.id());
    String jti = text(c, "jti");
    assertTrue(jti != null && !jti.isBlank(), "a token without a jti was accepted by a verifier with a denylist");
    BigDecimal now = BigDecimal.valueOf(Credentials.NOW.getEpochSecond());
    assertTrue(c.has("exp") && c.get("exp").isNumber(), "a token without a numeric exp was accepted");
    assertTrue(now.compareTo(c.get("exp").decimalValue().add(BigDecimal.valueOf(LEEWAY))) < 0, "an expired token was accepted");
    for (String claim : List.of("nbf", "iat")) {
      if (c.has(claim) && !c.get(claim).isNull()) {
        assertTrue(c.get(claim).isNumber(), "a non-numeric " + claim + " was accepted");
        // java-jwt reads a NumericDate as whole seconds, dropping a fraction: nbf 30.5 s ahead counts as 30 s ahead.
        BigDecimal seconds = c.get(claim).decimalValue().setScale(0, RoundingMode.DOWN);
        assertTrue(seconds.compareTo(now.add(BigDecimal.valueOf(LEEWAY))) <= 0,
            "a token with " + claim + " " + c.get(claim) + " in the future was accepted (now " + now + ")");
      }
    }
  }

  /**
   * Any string as an API key, or the real one with fuzzed edits: only the real key is accepted; anything else is
   * MALFORMED or INVALID_CREDENTIALS, and a string without the key's exact shape never reaches the store.
   */
  @FuzzTest(maxDuration = "30s")
  void apiKey(FuzzedDataProvider data) {
    String presented;
    String real = Credentials.VALID_API_KEY;
    switch (data.consumeInt(0, 2)) {
      case 0 -> presented = data.consumeRemainingAsString();
      case 1 -> {
        int at = data.consumeInt(0, real.length() - 1);
        presented = real.substring(0, at) + data.consumeChar() + real.substring(at + 1);
      }
      default -> presented = real.substring(0, data.consumeInt(0, real.length())) + data.consumeRemainingAsString();
    }
    int findsBefore = Credentials.API_KEY_STORE.finds.get();
    try {
      Principal p = Credentials.API_KEYS.verify(presented);
      assertEquals(real, presented, "a key other than the real one was accepted");
      assertEquals("user-2", p.id());
      return;
    } catch (AuthenticationException e) {
      assertReasonOnly(e);
      assertTrue(e.reason() == Reason.MALFORMED || e.reason() == Reason.INVALID_CREDENTIALS, "unexpected " + e.reason());
      if (!keyShaped(presented)) {
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals(findsBefore, Credentials.API_KEY_STORE.finds.get(), "a malformed key reached the store");
      }
    }
    assertFalse(presented.equals(real), "the real key was refused");
  }

  private static void assertReasonOnly(AuthenticationException e) {
    assertEquals(e.reason().name(), e.getMessage(), "an authentication failure says more than its reason");
  }

  private static byte[] structuredHeader(FuzzedDataProvider data) {
    ObjectNode h = JsonNodeFactory.instance.objectNode();
    h.put("alg", data.consumeBoolean() ? "HS256" : data.pickValue(ALGS));
    if (data.consumeBoolean()) {
      h.put("typ", data.consumeBoolean() ? "at+jwt" : data.pickValue(TYPS));
    }
    if (data.consumeBoolean()) {
      h.put("kid", data.consumeBoolean() ? Credentials.KID : data.consumeString(8));
    }
    if (data.consumeInt(0, 3) == 0) {
      h.put(data.pickValue(HEADER_EXTRAS), data.consumeString(8));
    }
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] structuredClaims(FuzzedDataProvider data) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    long now = Credentials.NOW.getEpochSecond();
    if (data.consumeInt(0, 5) > 0) {
      c.put("iss", data.consumeBoolean() ? Credentials.ISSUER : data.consumeString(30));
    }
    switch (data.consumeInt(0, 4)) {
      case 0 -> c.put("aud", data.consumeString(12));
      case 1 -> c.putArray("aud").add(data.consumeString(8)).add(Credentials.AUDIENCE);
      case 2 -> c.put("aud", data.consumeInt());
      default -> c.put("aud", Credentials.AUDIENCE);
    }
    if (data.consumeInt(0, 5) > 0) {
      c.put("sub", data.consumeBoolean() ? "user-9" : data.consumeString(12));
    }
    if (data.consumeInt(0, 5) > 0) {
      c.put("jti", data.consumeBoolean() ? "jti-" + data.consumeInt(0, 1000) : data.consumeString(10));
    }
    for (String claim : List.of("exp", "nbf", "iat")) {
      switch (data.consumeInt(0, 5)) {
        case 0 -> { }
        case 1 -> c.put(claim, data.consumeLong());
        case 2 -> c.put(claim, data.consumeString(12));
        case 3 -> c.put(claim, now + data.consumeLong(-90, 90) + 0.5 * data.consumeInt(0, 1));
        default -> c.put(claim, now + data.consumeLong(-7200, 7200));
      }
    }
    if (data.consumeBoolean()) {
      c.putArray("roles").add(data.consumeString(8));
    }
    return c.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode strictObject(byte[] bytes) {
    try {
      JsonNode node = STRICT.readTree(bytes);
      return node != null && node.isObject() ? node : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static boolean audienceContains(JsonNode aud) {
    if (aud == null) {
      return false;
    }
    if (aud.isTextual()) {
      return Credentials.AUDIENCE.equals(aud.textValue());
    }
    if (aud.isArray()) {
      for (JsonNode element : aud) {
        if (element.isTextual() && Credentials.AUDIENCE.equals(element.textValue())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The documented key shape: bwk_, 16 lower-case hex, _, 43 base64url characters. */
  private static boolean keyShaped(String s) {
    return s.matches("bwk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
  }
}
