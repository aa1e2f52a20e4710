package dev.bulwark.data;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.HmacPrfParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A keyed, deterministic fingerprint of a value, for finding rows by a column that is {@code @Encrypted} (which is
 * randomized, so {@code WHERE email = ?} can never match it). Store {@code index(...)} in a column of its own, with
 * a unique constraint if the value is unique, and look rows up by it. HMAC-SHA256 through Tink, with a keyset of
 * its own, never the encryption keyset. Rotating this keyset changes every index: re-index the rows when you do.
 *
 * <pre>{@code
 * BlindIndex emails = BlindIndex.fromJsonKeyset(System.getenv("BULWARK_INDEX_KEYSET"));
 * users.insert(new User(id, email, emails.index("users", "email", email.toLowerCase(Locale.ROOT)), name));
 * Optional<User> found = users.byEmailIndex(emails.index("users", "email", typed.toLowerCase(Locale.ROOT)));
 * }</pre>
 */
public final class BlindIndex {
  private static final int LENGTH = 32;

  private final PrfSet prf;

  private BlindIndex(PrfSet prf) {
    this.prf = prf;
  }

  /** An index over a keyset of HMAC-SHA256 PRF keys; fails fast for any other kind of key. */
  public static BlindIndex of(KeysetHandle keyset) {
    Objects.requireNonNull(keyset, "keyset");
    try {
      PrfConfig.register();
      for (int i = 0; i < keyset.size(); i++) {
        if (!(keyset.getAt(i).getKey().getParameters() instanceof HmacPrfParameters p)
            || p.getHashType() != HmacPrfParameters.HashType.SHA256 || p.getKeySizeBytes() < 32) {
          throw new IllegalArgumentException("the blind index keyset must hold only HMAC-SHA256 PRF keys of 256 bits; "
              + "generate it with BlindIndex.newJsonKeyset()");
        }
      }
      return new BlindIndex(keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the blind index keyset cannot be used: " + e.getClass().getSimpleName(), e);
    }
  }

  /** An index over a keyset in Tink's JSON format (from a secret store). */
  public static BlindIndex fromJsonKeyset(String json) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("no blind index keyset is configured: pass a Tink JSON keyset of "
          + "HMAC-SHA256 PRF keys (BlindIndex.newJsonKeyset() makes one)");
    }
    try {
      PrfConfig.register();
      return of(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the blind index keyset is not a valid Tink JSON keyset", e);
    }
  }

  /** A new keyset with one HMAC-SHA256 PRF key, in Tink's JSON format: keep it secret. */
  public static String newJsonKeyset() {
    try {
      PrfConfig.register();
      return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF),
          InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a keyset", e);
    }
  }

  /**
   * The 32-byte index of {@code value} in that table and column (so equal values in two columns index apart), or
   * {@code null} for {@code null}. Normalize the value first (trim, lower-case an e-mail address) as lookups need.
   */
  public byte[] index(String table, String column, String value) {
    if (value == null) {
      return null;
    }
    try {
      return prf.computePrimary(ColumnCipher.associatedData(table, column, value), LENGTH);
    } catch (GeneralSecurityException e) {
      throw new DataAccessException(table + "." + column, "blind index failed", null, e);
    }
  }
}
