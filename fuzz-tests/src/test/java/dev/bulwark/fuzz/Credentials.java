package dev.bulwark.fuzz;

import dev.bulwark.auth.apikey.ApiKeyRecord;
import dev.bulwark.auth.apikey.ApiKeyStore;
import dev.bulwark.auth.apikey.ApiKeys;
import dev.bulwark.auth.apikey.InMemoryApiKeyStore;
import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.auth.jwt.JwtKey;
import dev.bulwark.auth.jwt.JwtVerifier;
import dev.bulwark.auth.jwt.KeySet;
import dev.bulwark.auth.token.InMemoryTokenStore;
import dev.bulwark.auth.token.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The credentials the fuzz targets verify against: one HS256 key, a token issuer and its verifier on a fixed clock
 * (so the oracles and the verifier agree on "now"), and API keys whose store counts lookups.
 */
final class Credentials {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String ISSUER = "https://issuer.fuzz.test";
  static final String AUDIENCE = "fuzz-api";
  static final String KID = "k1";
  static final byte[] SECRET = "fuzzing-secret-of-thirty-two-bytes!!".getBytes(StandardCharsets.US_ASCII);

  static final TokenIssuer ISSUER_OF_TOKENS = TokenIssuer.builder(KeySet.of(JwtKey.hmac(KID, JwsAlgorithm.HS256,
      Arrays.copyOf(SECRET, SECRET.length))), KID).issuer(ISSUER).audience(AUDIENCE)
      .store(new InMemoryTokenStore()).clock(CLOCK).build();
  static final JwtVerifier VERIFIER = ISSUER_OF_TOKENS.verifierBuilder().clock(CLOCK).build();
  /** A token the verifier accepts, for targets that need an authenticated request. */
  static final String VALID_TOKEN = ISSUER_OF_TOKENS.issue("user-1", Set.of("user")).accessToken();

  static final CountingStore API_KEY_STORE = new CountingStore();
  static final ApiKeys API_KEYS = ApiKeys.create(API_KEY_STORE, CLOCK);
  /** The one API key that exists. */
  static final String VALID_API_KEY = API_KEYS.create("user-2", Set.of("posts:read")).key();

  private Credentials() {}

  /** An API key store that counts lookups, to show a malformed key never reaches it. */
  static final class CountingStore implements ApiKeyStore {
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    final AtomicInteger finds = new AtomicInteger();

    @Override
    public boolean insert(ApiKeyRecord record) {
      return store.insert(record);
    }

    @Override
    public Optional<ApiKeyRecord> find(String keyId) {
      finds.incrementAndGet();
      return store.find(keyId);
    }

    @Override
    public List<ApiKeyRecord> findByOwner(String ownerId) {
      return store.findByOwner(ownerId);
    }

    @Override
    public boolean revoke(String keyId, Instant at) {
      return store.revoke(keyId, at);
    }
  }
}
