package dev.bulwark.auth.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.auth.AuthMethod;
import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.AuthenticationException.Reason;
import dev.bulwark.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Counts lookups so a test can show a malformed key never reaches the store. */
  static final class CountingStore implements ApiKeyStore {
    final InMemoryApiKeyStore delegate = new InMemoryApiKeyStore();
    final AtomicInteger finds = new AtomicInteger();

    @Override public boolean insert(ApiKeyRecord record) { return delegate.insert(record); }
    @Override public Optional<ApiKeyRecord> find(String keyId) { finds.incrementAndGet(); return delegate.find(keyId); }
    @Override public List<ApiKeyRecord> findByOwner(String ownerId) { return delegate.findByOwner(ownerId); }
    @Override public boolean revoke(String keyId, Instant at) { return delegate.revoke(keyId, at); }
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    Instant now = T0;
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  private final CountingStore store = new CountingStore();
  private final MutableClock clock = new MutableClock();
  private final ApiKeys keys = ApiKeys.create(store, clock);

  @Test
  void createdKeyHasTheDocumentedShapeAndVerifies() throws AuthenticationException {
    CreatedApiKey made = keys.create("user-42", Set.of("posts:read", "posts:write"));
    assertTrue(made.key().matches("bwk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"), made.key());
    assertEquals(made.record().keyId(), made.key().substring(4, 20));
    Principal caller = keys.verify(made.key());
    assertEquals("user-42", caller.id());
    assertEquals(AuthMethod.API_KEY, caller.method());
    assertEquals(Set.of("posts:read", "posts:write"), caller.scopes());
    assertEquals(Set.of(), caller.roles());
    assertEquals(made.record().keyId(), caller.tokenId());
  }

  @Test
  void rolesComeFromTheOwnerOnlyForAGoodKey() throws AuthenticationException {
    CreatedApiKey made = keys.create("user-42", Set.of("posts:read"));
    AtomicInteger lookups = new AtomicInteger();
    Principal caller = keys.verify(made.key(), owner -> {
      lookups.incrementAndGet();
      return owner.equals("user-42") ? Set.of("user") : Set.of();
    });
    assertEquals(Set.of("user"), caller.roles());
    String wrong = made.key().substring(0, 21) + "A".repeat(42) + "A";
    assertThrows(AuthenticationException.class, () -> keys.verify(wrong, owner -> {
      lookups.incrementAndGet();
      return Set.of("admin");
    }));
    assertEquals(1, lookups.get());
  }

  @Test
  void secretHasAtLeast256BitsAndKeysDiffer() {
    String a = keys.create("u", Set.of()).key();
    String b = keys.create("u", Set.of()).key();
    assertEquals(32, Base64.getUrlDecoder().decode(a.substring(21)).length);
    assertFalse(a.substring(21).equals(b.substring(21)));
  }

  @Test
  void onlyAHashIsStoredAndTheKeyIsNotPrinted() throws Exception {
    CreatedApiKey made = keys.create("user-42", Set.of("posts:read"));
    ApiKeyRecord stored = store.delegate.find(made.record().keyId()).orElseThrow();
    byte[] sha = MessageDigest.getInstance("SHA-256").digest(made.key().getBytes(StandardCharsets.US_ASCII));
    assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(sha), stored.secretHash());
    String secret = made.key().substring(21);
    assertFalse(stored.toString().contains(secret));
    assertFalse(stored.toString().contains(stored.secretHash()));
    assertFalse(made.toString().contains(secret));
    assertFalse(keys.list("user-42").toString().contains(secret));
  }

  @Test
  void wrongSecretForARealKeyIdIsInvalidCredentials() {
    CreatedApiKey made = keys.create("user-42", Set.of());
    String key = made.key();
    char last = key.charAt(key.length() - 2);
    String tampered = key.substring(0, key.length() - 2) + (last == 'A' ? 'B' : 'A') + key.charAt(key.length() - 1);
    AuthenticationException e = assertThrows(AuthenticationException.class, () -> keys.verify(tampered));
    assertEquals(Reason.INVALID_CREDENTIALS, e.reason());
  }

  @Test
  void unknownKeyIdIsInvalidCredentials() {
    String key = keys.create("user-42", Set.of()).key();
    String otherId = "bwk_0000000000000000" + key.substring(20);
    assertEquals(Reason.INVALID_CREDENTIALS,
        assertThrows(AuthenticationException.class, () -> keys.verify(otherId)).reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "bwk_",
      "Bearer bwk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "bwk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ",
      "BWK_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "bwk_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "bwk_0123456789abcdef-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "bwk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
      "bwk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
      "bwk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB",   // non-canonical last character
      "bwk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
      "bwk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl"
  })
  void malformedKeysFailWithoutAStoreLookup(String presented) {
    AuthenticationException e = assertThrows(AuthenticationException.class, () -> keys.verify(presented));
    assertEquals(Reason.MALFORMED, e.reason());
    assertEquals(0, store.finds.get());
  }

  @Test
  void nullKeyIsMalformed() {
    assertEquals(Reason.MALFORMED, assertThrows(AuthenticationException.class, () -> keys.verify(null)).reason());
    assertEquals(0, store.finds.get());
  }

  @Test
  void revokedKeyStopsWorkingAndOnlyItsOwnerMayRevokeIt() throws AuthenticationException {
    CreatedApiKey made = keys.create("user-42", Set.of("posts:read"));
    String keyId = made.record().keyId();
    assertFalse(keys.revoke("user-7", keyId), "another owner cannot revoke it");
    keys.verify(made.key());
    assertTrue(keys.revoke("user-42", keyId));
    assertFalse(keys.revoke("user-42", keyId), "already revoked");
    assertEquals(Reason.REVOKED, assertThrows(AuthenticationException.class, () -> keys.verify(made.key())).reason());
    assertEquals(T0, keys.list("user-42").get(0).revokedAt());
    assertFalse(keys.revokeAny(keyId));
  }

  @Test
  void keyExpiresAtItsLifetime() throws AuthenticationException {
    CreatedApiKey made = keys.create("user-42", Set.of(), Duration.ofDays(30));
    clock.now = T0.plus(Duration.ofDays(30)).minusSeconds(1);
    keys.verify(made.key());
    clock.now = T0.plus(Duration.ofDays(30));
    assertEquals(Reason.EXPIRED, assertThrows(AuthenticationException.class, () -> keys.verify(made.key())).reason());
    assertNull(keys.create("user-42", Set.of()).record().expiresAt());
  }

  @Test
  void badInputsFailFast() {
    assertThrows(IllegalArgumentException.class, () -> keys.create(" ", Set.of()));
    assertThrows(IllegalArgumentException.class, () -> keys.create("u", Set.of("bad scope")));
    assertThrows(IllegalArgumentException.class, () -> keys.create("u", Set.of(), Duration.ZERO));
  }

  @Test
  void storeRefusesADuplicateKeyId() {
    InMemoryApiKeyStore memory = new InMemoryApiKeyStore();
    ApiKeyRecord r = new ApiKeyRecord("0123456789abcdef", "u", Set.of(), "hash", T0, null, null);
    assertTrue(memory.insert(r));
    assertFalse(memory.insert(new ApiKeyRecord("0123456789abcdef", "v", Set.of(), "other", T0, null, null)));
    assertEquals("u", memory.find("0123456789abcdef").orElseThrow().ownerId());
  }

  @Test
  void listIsPerOwner() {
    keys.create("a", Set.of());
    keys.create("a", Set.of());
    keys.create("b", Set.of());
    assertEquals(2, keys.list("a").size());
    assertEquals(1, keys.list("b").size());
  }
}
