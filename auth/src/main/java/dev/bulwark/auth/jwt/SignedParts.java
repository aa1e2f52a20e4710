package dev.bulwark.auth.jwt;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The three raw parts of a compact JWS, shaped as java-jwt's {@link DecodedJWT} so that java-jwt's
 * {@code Algorithm.verify} checks the signature over exactly these bytes. java-jwt's algorithms read only the
 * raw parts and the key id; every claim accessor is unsupported, because claims are read only after the
 * signature has verified, from java-jwt's own decoder.
 */
final class SignedParts implements DecodedJWT {

  private final String header;
  private final String payload;
  private final String signature;
  private final String keyId;

  SignedParts(String header, String payload, String signature, String keyId) {
    this.header = header;
    this.payload = payload;
    this.signature = signature;
    this.keyId = keyId;
  }

  @Override
  public String getToken() {
    return header + "." + payload + "." + signature;
  }

  @Override
  public String getHeader() {
    return header;
  }

  @Override
  public String getPayload() {
    return payload;
  }

  @Override
  public String getSignature() {
    return signature;
  }

  @Override
  public String getKeyId() {
    return keyId;
  }

  @Override
  public String getAlgorithm() {
    throw unsupported();
  }

  @Override
  public String getType() {
    throw unsupported();
  }

  @Override
  public String getContentType() {
    throw unsupported();
  }

  @Override
  public Claim getHeaderClaim(String name) {
    throw unsupported();
  }

  @Override
  public String getIssuer() {
    throw unsupported();
  }

  @Override
  public String getSubject() {
    throw unsupported();
  }

  @Override
  public List<String> getAudience() {
    throw unsupported();
  }

  @Override
  public Date getExpiresAt() {
    throw unsupported();
  }

  @Override
  public Date getNotBefore() {
    throw unsupported();
  }

  @Override
  public Date getIssuedAt() {
    throw unsupported();
  }

  @Override
  public String getId() {
    throw unsupported();
  }

  @Override
  public Claim getClaim(String name) {
    throw unsupported();
  }

  @Override
  public Map<String, Claim> getClaims() {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("only the raw parts of a JWS are available before its signature is checked");
  }
}
