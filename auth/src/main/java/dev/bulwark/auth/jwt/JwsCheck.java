package dev.bulwark.auth.jwt;

import static dev.bulwark.auth.AuthenticationException.Reason.ALGORITHM_NOT_ALLOWED;
import static dev.bulwark.auth.AuthenticationException.Reason.BAD_SIGNATURE;
import static dev.bulwark.auth.AuthenticationException.Reason.FORBIDDEN_HEADER;
import static dev.bulwark.auth.AuthenticationException.Reason.MALFORMED;
import static dev.bulwark.auth.AuthenticationException.Reason.UNKNOWN_CRIT;
import static dev.bulwark.auth.AuthenticationException.Reason.UNKNOWN_KEY;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.auth.AuthenticationException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The JWS layer of verification, in this order: strict compact serialization (three canonical, unpadded
 * base64url parts), a strictly parsed protected header, the header policy (no key-carrying headers, no
 * {@code crit}), the key chosen by {@code kid} alone, the token's {@code alg} equal to that key's pinned
 * algorithm, and the signature checked by java-jwt. Nothing here reads the claims.
 */
final class JwsCheck {

  /**
   * Headers that would let the token choose or carry its own key, or change what is signed (RFC 7797
   * {@code b64}). A careful verifier never honours them, and Bulwark refuses tokens that carry them.
   */
  private static final Set<String> FORBIDDEN = Set.of("jku", "x5u", "jwk", "x5c", "b64");

  private final KeySet keys;

  JwsCheck(KeySet keys) {
    this.keys = keys;
  }

  VerifiedJws verify(String compact) throws AuthenticationException {
    // Split by hand on exactly two dots: a JWE (five parts) or a JSON serialization is simply malformed.
    int first = compact.indexOf('.');
    int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
    if (first < 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
      throw new AuthenticationException(MALFORMED);
    }
    String headerPart = compact.substring(0, first);
    String payloadPart = compact.substring(first + 1, second);
    String signaturePart = compact.substring(second + 1);
    if (headerPart.isEmpty()) {
      throw new AuthenticationException(MALFORMED);
    }
    byte[] headerBytes = decode(headerPart).orElseThrow(() -> new AuthenticationException(MALFORMED));
    byte[] payload = decode(payloadPart).orElseThrow(() -> new AuthenticationException(MALFORMED));
    if (decode(signaturePart).isEmpty()) {
      throw new AuthenticationException(MALFORMED);
    }
    ObjectNode header = StrictJson.object(headerBytes).orElseThrow(() -> new AuthenticationException(MALFORMED));

    checkHeaderPolicy(header);
    JwsAlgorithm algorithm = algorithm(header);
    JwtKey key = selectKey(header);
    if (key.algorithm() != algorithm) {
      throw new AuthenticationException(ALGORITHM_NOT_ALLOWED);
    }
    if (signaturePart.isEmpty()) {
      throw new AuthenticationException(BAD_SIGNATURE);
    }
    try {
      key.jwtAlgorithm().verify(new SignedParts(headerPart, payloadPart, signaturePart, key.kid()));
    } catch (JWTVerificationException | IllegalArgumentException | IllegalStateException e) {
      throw new AuthenticationException(BAD_SIGNATURE, e);
    }
    return new VerifiedJws(header, payload, key);
  }

  private static void checkHeaderPolicy(ObjectNode header) throws AuthenticationException {
    for (String name : FORBIDDEN) {
      if (header.has(name)) {
        throw new AuthenticationException(FORBIDDEN_HEADER);
      }
    }
    // Bulwark implements no JWS extension, so any crit entry names one it does not understand (RFC 7515 4.1.11).
    if (header.has("crit")) {
      throw new AuthenticationException(UNKNOWN_CRIT);
    }
  }

  private static JwsAlgorithm algorithm(ObjectNode header) throws AuthenticationException {
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual()) {
      throw new AuthenticationException(MALFORMED);
    }
    // "none", "None", "RS384", "PS256", "HS256 " ...: anything that is not exactly a supported name.
    return JwsAlgorithm.fromJwaName(alg.textValue())
        .orElseThrow(() -> new AuthenticationException(ALGORITHM_NOT_ALLOWED));
  }

  private JwtKey selectKey(ObjectNode header) throws AuthenticationException {
    JsonNode kid = header.get("kid");
    if (kid == null) {
      // Documented choice: without a kid, only an unambiguous (single-key) set can verify the token.
      return keys.soleKey().orElseThrow(() -> new AuthenticationException(UNKNOWN_KEY));
    }
    if (!kid.isTextual()) {
      throw new AuthenticationException(MALFORMED);
    }
    return keys.byKid(kid.textValue()).orElseThrow(() -> new AuthenticationException(UNKNOWN_KEY));
  }

  /** Strict base64url: the URL alphabet only, no padding, no whitespace, and canonical trailing bits. */
  static Optional<byte[]> decode(String part) {
    if (part.length() % 4 == 1) {
      return Optional.empty();
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return Optional.empty();
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // Non-zero unused bits give a second spelling of the same bytes; only the canonical one is accepted.
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part)) {
      return Optional.empty();
    }
    return Optional.of(bytes);
  }
}
