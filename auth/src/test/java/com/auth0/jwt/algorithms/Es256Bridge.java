package com.auth0.jwt.algorithms;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;

/**
 * Test-only access to the steps java-jwt's {@code ECDSAAlgorithm.verify} runs on a JOSE (P1363) signature, for
 * Wycheproof messages that cannot be written as a JWS signing input: java-jwt's own structure check and
 * P1363-to-DER conversion, then the JDK verification java-jwt calls. It lives in java-jwt's package because those
 * steps are package-private.
 */
public final class Es256Bridge {

  private Es256Bridge() {}

  /** Whether {@code p1363} is a valid ES256 signature of {@code message}, as java-jwt would decide. */
  public static boolean verify(ECPublicKey key, byte[] message, byte[] p1363) {
    ECDSAAlgorithm algorithm = (ECDSAAlgorithm) Algorithm.ECDSA256(key, null);
    try {
      algorithm.validateSignatureStructure(p1363, key);
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(algorithm.JOSEToDER(p1363));
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
