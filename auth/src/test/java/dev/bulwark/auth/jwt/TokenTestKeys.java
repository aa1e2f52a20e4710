package dev.bulwark.auth.jwt;

import java.security.PublicKey;

/** Shares {@link TestKeys} with tests in other packages. */
public final class TokenTestKeys {

  private TokenTestKeys() {}

  /** A 2048-bit RSA public key generated once per run. */
  public static PublicKey rsaPublic() {
    return TestKeys.RSA.getPublic();
  }
}
