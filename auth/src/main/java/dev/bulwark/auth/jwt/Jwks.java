package dev.bulwark.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads keys from JSON Web Keys (RFC 7517) in configuration: a JWK Set {@code {"keys":[...]}} or one JWK.
 * Each key must carry {@code kid} and {@code alg} (the algorithm it is pinned to; nothing is inferred), must be
 * a signature key ({@code use} absent or {@code "sig"}, {@code key_ops} absent or containing {@code "verify"}),
 * and passes every {@link JwtKey} check. Any problem is an {@link IllegalArgumentException} saying what to fix.
 */
public final class Jwks {

  private Jwks() {}

  /** A key set from a JWK Set document. */
  public static KeySet parseSet(String jwksJson) {
    ObjectNode root = object(jwksJson, "the JWK Set");
    JsonNode keys = root.get("keys");
    if (keys == null || !keys.isArray() || keys.isEmpty()) {
      throw new IllegalArgumentException("a JWK Set needs a non-empty \"keys\" array");
    }
    List<JwtKey> out = new ArrayList<>();
    for (JsonNode key : keys) {
      if (!(key instanceof ObjectNode jwk)) {
        throw new IllegalArgumentException("every entry of a JWK Set's \"keys\" must be a JSON object");
      }
      out.add(toKey(jwk));
    }
    return KeySet.of(out);
  }

  /** One key from one JWK; a private JWK ({@code d} present) yields a signing key. */
  public static JwtKey parseKey(String jwkJson) {
    return toKey(object(jwkJson, "the JWK"));
  }

  private static JwtKey toKey(ObjectNode jwk) {
    String kid = text(jwk, "kid", "?");
    String kty = text(jwk, "kty", kid);
    String algName = text(jwk, "alg", kid);
    JsonNode use = jwk.get("use");
    if (use != null && !"sig".equals(use.asText())) {
      throw new IllegalArgumentException("JWK '" + kid + "' has use \"" + use.asText()
          + "\"; only signature keys (use \"sig\") can verify tokens");
    }
    JsonNode ops = jwk.get("key_ops");
    if (ops != null && !containsText(ops, "verify")) {
      throw new IllegalArgumentException("JWK '" + kid + "' has key_ops without \"verify\"; it cannot verify tokens");
    }
    JwsAlgorithm alg = JwsAlgorithm.fromJwaName(algName).orElseThrow(() -> new IllegalArgumentException(
        "JWK '" + kid + "' has alg " + algName + ", which Bulwark does not accept; use HS256, HS384, HS512, RS256 or ES256"));
    try {
      switch (alg.family()) {
        case HMAC -> {
          expectKty(kid, kty, "oct", alg);
          return JwtKey.hmac(kid, alg, bytes(jwk, "k", kid));
        }
        case RSA -> {
          expectKty(kid, kty, "RSA", alg);
          KeyFactory rsa = KeyFactory.getInstance("RSA");
          BigInteger n = integer(jwk, "n", kid);
          BigInteger e = integer(jwk, "e", kid);
          RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(n, e));
          RSAPrivateKey priv = null;
          if (jwk.has("d")) {
            priv = (RSAPrivateKey) rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, e, integer(jwk, "d", kid),
                integer(jwk, "p", kid), integer(jwk, "q", kid), integer(jwk, "dp", kid), integer(jwk, "dq", kid),
                integer(jwk, "qi", kid)));
          }
          return JwtKey.rsa(kid, pub, priv);
        }
        case EC -> {
          expectKty(kid, kty, "EC", alg);
          if (!"P-256".equals(text(jwk, "crv", kid))) {
            throw new IllegalArgumentException("JWK '" + kid + "': ES256 needs crv \"P-256\"");
          }
          KeyFactory ec = KeyFactory.getInstance("EC");
          java.security.spec.ECParameterSpec p256 = JwtKey.p256();
          ECPoint w = new ECPoint(integer(jwk, "x", kid), integer(jwk, "y", kid));
          ECPublicKey pub = (ECPublicKey) ec.generatePublic(new ECPublicKeySpec(w, p256));
          ECPrivateKey priv = jwk.has("d")
              ? (ECPrivateKey) ec.generatePrivate(new ECPrivateKeySpec(integer(jwk, "d", kid), p256)) : null;
          return JwtKey.ec(kid, pub, priv);
        }
        default -> throw new AssertionError(alg);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("JWK '" + kid + "' does not describe a valid " + kty + " key", e);
    }
  }

  private static void expectKty(String kid, String kty, String expected, JwsAlgorithm alg) {
    if (!expected.equals(kty)) {
      throw new IllegalArgumentException("JWK '" + kid + "' has kty " + kty + " but alg " + alg + " needs kty "
          + expected + "; pin the key to an algorithm of its type");
    }
  }

  private static ObjectNode object(String json, String what) {
    if (json == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    return StrictJson.object(json.getBytes(StandardCharsets.UTF_8)).orElseThrow(() ->
        new IllegalArgumentException(what + " is not one well-formed JSON object (duplicate names are refused)"));
  }

  private static String text(ObjectNode jwk, String name, String kid) {
    JsonNode node = jwk.get(name);
    if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
      throw new IllegalArgumentException("JWK '" + kid + "' needs a non-empty string \"" + name + "\"");
    }
    return node.textValue();
  }

  private static byte[] bytes(ObjectNode jwk, String name, String kid) {
    return JwsCheck.decode(text(jwk, name, kid)).orElseThrow(() -> new IllegalArgumentException(
        "JWK '" + kid + "': \"" + name + "\" is not unpadded base64url"));
  }

  private static BigInteger integer(ObjectNode jwk, String name, String kid) {
    return new BigInteger(1, bytes(jwk, name, kid));
  }

  private static boolean containsText(JsonNode array, String value) {
    if (!array.isArray()) {
      return false;
    }
    for (JsonNode element : array) {
      if (value.equals(element.asText())) {
        return true;
      }
    }
    return false;
  }
}
