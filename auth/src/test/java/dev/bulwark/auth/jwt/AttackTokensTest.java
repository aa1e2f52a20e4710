package dev.bulwark.auth.jwt;

import static dev.bulwark.auth.AuthenticationException.Reason.ALGORITHM_NOT_ALLOWED;
import static dev.bulwark.auth.AuthenticationException.Reason.BAD_SIGNATURE;
import static dev.bulwark.auth.AuthenticationException.Reason.EXPIRED;
import static dev.bulwark.auth.AuthenticationException.Reason.FORBIDDEN_HEADER;
import static dev.bulwark.auth.AuthenticationException.Reason.MALFORMED;
import static dev.bulwark.auth.AuthenticationException.Reason.MISSING_CLAIM;
import static dev.bulwark.auth.AuthenticationException.Reason.NOT_YET_VALID;
import static dev.bulwark.auth.AuthenticationException.Reason.REVOKED;
import static dev.bulwark.auth.AuthenticationException.Reason.TOO_LARGE;
import static dev.bulwark.auth.AuthenticationException.Reason.UNKNOWN_CRIT;
import static dev.bulwark.auth.AuthenticationException.Reason.UNKNOWN_KEY;
import static dev.bulwark.auth.AuthenticationException.Reason.WRONG_AUDIENCE;
import static dev.bulwark.auth.AuthenticationException.Reason.WRONG_ISSUER;
import static dev.bulwark.auth.AuthenticationException.Reason.WRONG_TOKEN_TYPE;
import static dev.bulwark.auth.jwt.TestKeys.b64;
import static dev.bulwark.auth.jwt.TestKeys.signRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.algorithms.Algorithm;
import dev.bulwark.auth.AuthMethod;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each classic JWT attack, as its own test, against a verifier with an HMAC, an RSA and an EC key. */
class AttackTokensTest {

  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  static final long T = NOW.getEpochSecond();
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String ISS = "https://auth.example.test";
  static final String AUD = "posts-api";

  static final JwtKey HS = JwtKey.hmac("hs-1", JwsAlgorithm.HS256, TestKeys.HMAC_SECRET);
  static final JwtKey RS = JwtKey.rsa("rs-1", (RSAPublicKey) TestKeys.RSA.getPublic(),
      (RSAPrivateKey) TestKeys.RSA.getPrivate());
  static final JwtKey ES = JwtKey.ec("es-1", (ECPublicKey) TestKeys.EC.getPublic(),
      (ECPrivateKey) TestKeys.EC.getPrivate());

  final JwtVerifier verifier = JwtVerifier.builder(KeySet.of(HS, RS, ES)).issuer(ISS).audience(AUD)
      .clock(CLOCK).build();

  static String header(String alg, String kid) {
    return "{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}";
  }

  static String claims() {
    return claims(ISS, AUD, T + 600);
  }

  static String claims(String iss, String aud, long exp) {
    return "{\"iss\":\"" + iss + "\",\"aud\":\"" + aud + "\",\"sub\":\"user-1\",\"jti\":\"id-1\",\"iat\":" + (T - 10)
        + ",\"nbf\":" + (T - 10) + ",\"exp\":" + exp + ",\"roles\":[\"user\"],\"scope\":\"read write\"}";
  }

  AuthenticationException.Reason reject(String token) {
    return assertThrows(AuthenticationException.class, () -> verifier.verify(token)).reason();
  }

  @Test
  void aWellFormedTokenVerifiesWithEachKeyType() throws Exception {
    for (JwtKey key : new JwtKey[] {HS, RS, ES}) {
      Principal p = verifier.verify(signRaw(key, header(key.algorithm().name(), key.kid()), claims()));
      assertEquals("user-1", p.id());
      assertEquals(Set.of("user"), p.roles());
      assertEquals(Set.of("read", "write"), p.scopes());
      assertEquals(AuthMethod.JWT, p.method());
      assertEquals("id-1", p.tokenId());
      assertTrue(p.hasRole("user"));
      assertFalse(p.hasRole("admin"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
  void algNoneInEverySpellingIsRejected(String alg) {
    String unsigned = b64(header(alg, "hs-1")) + "." + b64(claims()) + ".";
    assertEquals(ALGORITHM_NOT_ALLOWED, reject(unsigned));
    String noKid = b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}") + "." + b64(claims()) + ".";
    JwtVerifier single = JwtVerifier.builder(KeySet.of(HS)).issuer(ISS).audience(AUD).clock(CLOCK).build();
    assertEquals(ALGORITHM_NOT_ALLOWED, assertThrows(AuthenticationException.class, () -> single.verify(noKid)).reason());
  }

  @Test
  void rs256ToHs256KeyConfusionIsRejected() {
    // The attacker signs HS256 with the RSA public key's bytes as the secret and names the RSA key.
    byte[] publicBytes = TestKeys.RSA.getPublic().getEncoded();
    String header = b64(header("HS256", "rs-1"));
    String payload = b64(claims());
    byte[] sig = Algorithm.HMAC256(publicBytes).sign(header.getBytes(StandardCharsets.US_ASCII),
        payload.getBytes(StandardCharsets.US_ASCII));
    assertEquals(ALGORITHM_NOT_ALLOWED, reject(header + "." + payload + "." + b64(sig)));
    // Also with the PEM text, the other common spelling of "the public key".
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + java.util.Base64.getMimeEncoder().encodeToString(publicBytes) + "\n-----END PUBLIC KEY-----\n";
    byte[] sig2 = Algorithm.HMAC256(pem.getBytes(StandardCharsets.US_ASCII)).sign(
        header.getBytes(StandardCharsets.US_ASCII), payload.getBytes(StandardCharsets.US_ASCII));
    assertEquals(ALGORITHM_NOT_ALLOWED, reject(header + "." + payload + "." + b64(sig2)));
  }

  @Test
  void strippedSignatureIsRejected() {
    String token = signRaw(RS, header("RS256", "rs-1"), claims());
    String stripped = token.substring(0, token.lastIndexOf('.') + 1);
    assertEquals(BAD_SIGNATURE, reject(stripped));
    assertEquals(MALFORMED, reject(token.substring(0, token.lastIndexOf('.'))));
  }

  @Test
  void tamperedPayloadIsRejected() {
    String token = signRaw(HS, header("HS256", "hs-1"), claims());
    String[] parts = token.split("\\.");
    String admin = b64(claims().replace("[\"user\"]", "[\"admin\"]"));
    assertEquals(BAD_SIGNATURE, reject(parts[0] + "." + admin + "." + parts[2]));
  }

  @Test
  void tamperedSignatureIsRejected() {
    String token = signRaw(ES, header("ES256", "es-1"), claims());
    char last = token.charAt(token.length() - 2);
    String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    assertEquals(BAD_SIGNATURE, reject(flipped));
  }

  @Test
  void kidNamingNoKeyIsRejected() {
    assertEquals(UNKNOWN_KEY, reject(signRaw(HS, header("HS256", "hs-2"), claims())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../../../dev/null", "/dev/null", "hs-1' OR '1'='1", "hs-1\\u0000", "' UNION SELECT 'x",
      "file:///etc/passwd", "hs-1 ", "HS-1"})
  void kidInjectionStringsAreRejected(String kid) {
    String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}";
    assertEquals(UNKNOWN_KEY, reject(signRaw(HS, header, claims())));
  }

  @Test
  void kidThatIsNotAStringIsRejected() {
    assertEquals(MALFORMED, reject(signRaw(HS, "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":1}", claims())));
  }

  @Test
  void jkuHeaderNeverSelectsAKey() {
    String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"hs-1\",\"jku\":\"https://evil.test/jwks.json\"}";
    assertEquals(FORBIDDEN_HEADER, reject(signRaw(HS, header, claims())));
  }

  @Test
  void x5uHeaderNeverSelectsAKey() {
    String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rs-1\",\"x5u\":\"https://evil.test/cert.pem\"}";
    assertEquals(FORBIDDEN_HEADER, reject(signRaw(RS, header, claims())));
  }

  @Test
  void embeddedJwkHeaderNeverSelectsAKey() {
    // The attacker embeds their own EC key and signs with it.
    JwtKey attacker = JwtKey.ec("es-1", (ECPublicKey) TestKeys.generateEc("secp256r1").getPublic(), null);
    java.security.KeyPair pair = TestKeys.generateEc("secp256r1");
    JwtKey attackerSigner = JwtKey.ec("es-1", (ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
    String header = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"es-1\",\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\","
        + "\"x\":\"AAAA\",\"y\":\"AAAA\"}}";
    assertEquals(FORBIDDEN_HEADER, reject(signRaw(attackerSigner, header, claims())));
    // Without the jwk header, the same attacker token fails on the signature: their key is not ours.
    assertEquals(BAD_SIGNATURE, reject(signRaw(attackerSigner, header("ES256", "es-1"), claims())));
    assertFalse(attacker.canSign());
  }

  @Test
  void x5cHeaderIsRejected() {
    String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rs-1\",\"x5c\":[\"MIIB\"]}";
    assertEquals(FORBIDDEN_HEADER, reject(signRaw(RS, header, claims())));
  }

  @Test
  void expiredTokenIsRejected() {
    assertEquals(EXPIRED, reject(signRaw(HS, header("HS256", "hs-1"), claims(ISS, AUD, T - 31))));
  }

  @Test
  void expiryWithinTheLeewayIsAccepted() throws Exception {
    verifier.verify(signRaw(HS, header("HS256", "hs-1"), claims(ISS, AUD, T - 29)));
  }

  @Test
  void notBeforeInTheFutureIsRejected() {
    String claims = claims().replace("\"nbf\":" + (T - 10), "\"nbf\":" + (T + 120));
    assertEquals(NOT_YET_VALID, reject(signRaw(HS, header("HS256", "hs-1"), claims)));
  }

  @Test
  void issuedInTheFutureIsRejected() {
    String claims = claims().replace("\"iat\":" + (T - 10), "\"iat\":" + (T + 120));
    assertEquals(NOT_YET_VALID, reject(signRaw(HS, header("HS256", "hs-1"), claims)));
  }

  @Test
  void tokenWithoutExpIsRejected() {
    String claims = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"sub\":\"user-1\",\"jti\":\"id-1\"}";
    assertEquals(MISSING_CLAIM, reject(signRaw(HS, header("HS256", "hs-1"), claims)));
  }

  @Test
  void nonNumericExpIsRejected() {
    String claims = claims().replace("\"exp\":" + (T + 600), "\"exp\":\"tomorrow\"");
    assertEquals(MALFORMED, reject(signRaw(HS, header("HS256", "hs-1"), claims)));
  }

  @Test
  void wrongIssuerIsRejected() {
    assertEquals(WRONG_ISSUER, reject(signRaw(HS, header("HS256", "hs-1"), claims("https://evil.test", AUD, T + 600))));
  }

  @Test
  void missingIssuerIsRejected() {
    String claims = claims().replace("\"iss\":\"" + ISS + "\",", "");
    assertEquals(MISSING_CLAIM, reject(signRaw(HS, header("HS256", "hs-1"), claims)));
  }

  @Test
  void wrongAudienceIsRejected() {
    assertEquals(WRONG_AUDIENCE, reject(signRaw(HS, header("HS256", "hs-1"), claims(ISS, "billing-api", T + 600))));
  }

  @Test
  void audienceArrayContainingOursIsAccepted() throws Exception {
    String claims = claims().replace("\"aud\":\"" + AUD + "\"", "\"aud\":[\"other\",\"" + AUD + "\"]");
    verifier.verify(signRaw(HS, header("HS256", "hs-1"), claims));
  }

  @Test
  void missingSubjectIsRejected() {
    String claims = claims().replace("\"sub\":\"user-1\",", "");
    assertEquals(MISSING_CLAIM, reject(signRaw(HS, header("HS256", "hs-1"), claims)));
  }

  @Test
  void unknownCritHeaderIsRejected() {
    String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"hs-1\",\"crit\":[\"exp-ext\"],\"exp-ext\":1}";
    assertEquals(UNKNOWN_CRIT, reject(signRaw(HS, header, claims())));
  }

  @Test
  void b64FalseHeaderIsRejected() {
    String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"hs-1\",\"b64\":false,\"crit\":[\"b64\"]}";
    assertEquals(FORBIDDEN_HEADER, reject(signRaw(HS, header, claims())));
  }

  @Test
  void tokenOfAnotherTypeIsNotAnAccessToken() {
    // A JWT refresh token (or an ID token) signed by the same key is still not an access token.
    String refreshHeader = "{\"alg\":\"HS256\",\"typ\":\"refresh+jwt\",\"kid\":\"hs-1\"}";
    assertEquals(WRONG_TOKEN_TYPE, reject(signRaw(HS, refreshHeader, claims())));
    String plainJwt = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"hs-1\"}";
    assertEquals(WRONG_TOKEN_TYPE, reject(signRaw(HS, plainJwt, claims())));
    String noTyp = "{\"alg\":\"HS256\",\"kid\":\"hs-1\"}";
    assertEquals(WRONG_TOKEN_TYPE, reject(signRaw(HS, noTyp, claims())));
  }

  @Test
  void opaqueRefreshTokenIsNotAnAccessToken() {
    assertEquals(MALFORMED, reject("hY3q0yZrJ6y7C5l0m8v2Qe1Xo9bK4sT6uW3nA8dF2gH"));
  }

  @Test
  void applicationPrefixedTypeIsAccepted() throws Exception {
    String header = "{\"alg\":\"HS256\",\"typ\":\"application/AT+JWT\",\"kid\":\"hs-1\"}";
    verifier.verify(signRaw(HS, header, claims()));
  }

  @Test
  void oversizedTokenIsRejectedBeforeParsing() {
    String big = signRaw(HS, header("HS256", "hs-1"), claims().replace("\"sub\"", "\"pad\":\"" + "x".repeat(9000)
        + "\",\"sub\""));
    assertEquals(TOO_LARGE, reject(big));
    // Not even a token: a size cap that ran after parsing would answer MALFORMED here.
    assertEquals(TOO_LARGE, reject("x".repeat(8 * 1024 + 1)));
  }

  @Test
  void tokenSignedByAnotherKeyWithTheSameKidIsRejected() {
    JwtKey impostorHs = JwtKey.hmac("hs-1", JwsAlgorithm.HS256, TestKeys.random(32));
    assertEquals(BAD_SIGNATURE, reject(signRaw(impostorHs, header("HS256", "hs-1"), claims())));
    java.security.KeyPair pair = TestKeys.generateRsa(2048);
    JwtKey impostorRs = JwtKey.rsa("rs-1", (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    assertEquals(BAD_SIGNATURE, reject(signRaw(impostorRs, header("RS256", "rs-1"), claims())));
  }

  @Test
  void algorithmOtherThanTheKeysPinnedOneIsRejected() {
    // HS384 over the HS256 key's secret, naming the HS256 key.
    JwtKey hs384 = JwtKey.hmac("hs-1", JwsAlgorithm.HS384, java.util.Arrays.copyOf(TestKeys.HMAC_SECRET, 48));
    assertEquals(ALGORITHM_NOT_ALLOWED, reject(signRaw(hs384, header("HS384", "hs-1"), claims())));
    assertEquals(ALGORITHM_NOT_ALLOWED, reject(signRaw(RS, header("RS512", "rs-1"), claims())));
    assertEquals(ALGORITHM_NOT_ALLOWED, reject(signRaw(RS, header("PS256", "rs-1"), claims())));
  }

  @Test
  void tokenWithoutKidNeedsASingleKeySet() throws Exception {
    String noKid = signRaw(HS, "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", claims());
    assertEquals(UNKNOWN_KEY, reject(noKid));
    JwtVerifier single = JwtVerifier.builder(KeySet.of(HS)).issuer(ISS).audience(AUD).clock(CLOCK).build();
    assertEquals("user-1", single.verify(noKid).id());
  }

  @Test
  void duplicateHeaderOrClaimNamesAreRejected() {
    String dupHeader = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"hs-1\",\"kid\":\"rs-1\"}";
    assertEquals(MALFORMED, reject(signRaw(HS, dupHeader, claims())));
    String dupClaim = claims().replace("\"sub\":\"user-1\"", "\"sub\":\"user-1\",\"sub\":\"admin\"");
    assertEquals(MALFORMED, reject(signRaw(HS, header("HS256", "hs-1"), dupClaim)));
  }

  @Test
  void paddedOrNonCanonicalBase64IsRejected() {
    String token = signRaw(HS, header("HS256", "hs-1"), claims());
    String[] parts = token.split("\\.");
    assertEquals(MALFORMED, reject(parts[0] + "=." + parts[1] + "." + parts[2]));
    assertEquals(MALFORMED, reject(parts[0] + "." + parts[1] + "." + parts[2] + "="));
    assertEquals(MALFORMED, reject(parts[0] + "." + parts[1] + "." + parts[2].replace('-', '+').replace('_', '/')
        + (parts[2].contains("-") || parts[2].contains("_") ? "" : "+")));
    assertEquals(MALFORMED, reject(" " + token));
  }

  @Test
  void jweAndJsonSerializationAreRejected() {
    assertEquals(MALFORMED, reject("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d"));
    assertEquals(MALFORMED, reject("{\"payload\":\"e30\",\"signatures\":[]}"));
  }

  @Test
  void revokedJtiIsRejected() throws Exception {
    String token = signRaw(HS, header("HS256", "hs-1"), claims());
    JwtVerifier withDenylist = JwtVerifier.builder(KeySet.of(HS)).issuer(ISS).audience(AUD).clock(CLOCK)
        .denylist("id-1"::equals).build();
    assertEquals(REVOKED, assertThrows(AuthenticationException.class, () -> withDenylist.verify(token)).reason());
    String other = signRaw(HS, header("HS256", "hs-1"), claims().replace("id-1", "id-2"));
    assertEquals("id-2", withDenylist.verify(other).tokenId());
    String noJti = signRaw(HS, header("HS256", "hs-1"), claims().replace("\"jti\":\"id-1\",", ""));
    assertEquals(MISSING_CLAIM, assertThrows(AuthenticationException.class, () -> withDenylist.verify(noJti)).reason());
  }

  @Test
  void rolesClaimOfTheWrongShapeIsRejected() {
    String claims = claims().replace("[\"user\"]", "\"admin\"");
    assertEquals(MALFORMED, reject(signRaw(HS, header("HS256", "hs-1"), claims)));
  }

  @Test
  void failureMessagesAreReasonCodesOnly() {
    String token = signRaw(HS, header("HS256", "hs-1"), claims(ISS, AUD, T - 3600));
    AuthenticationException e = assertThrows(AuthenticationException.class, () -> verifier.verify(token));
    assertEquals("EXPIRED", e.getMessage());
    AuthenticationException bad = assertThrows(AuthenticationException.class,
        () -> verifier.verify(token.substring(0, token.length() - 4) + "AAAA"));
    assertEquals("BAD_SIGNATURE", bad.getMessage());
  }
}
