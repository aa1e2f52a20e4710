package dev.bulwark.auth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the in-memory store, plus its own bounds and eviction, on a clock moved by hand.
 */
class InMemoryTokenStoreTest extends TokenStoreContract {

  @Override
  protected TokenStore newStore(Clock clock) {
    return new InMemoryTokenStore(clock, 1000);
  }

  @Test
  void expiredGrantsAreNotSpendableAndAreEvicted() {
    InMemoryTokenStore store = new InMemoryTokenStore(clock, 10);
    store.save(grant("h1", "f1", Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(10));
    assertEquals(SpendResult.Status.EXPIRED, store.spend("h1").status());
    assertEquals(1, store.grantCount());
    store.evictExpired();
    assertEquals(0, store.grantCount());
    clock.advance(Duration.ofMinutes(30));
    store.evictExpired();
    assertEquals(0, store.familyCount());
  }

  @Test
  void grantTableIsBoundedAndDropsExpiredEntriesFirst() {
    InMemoryTokenStore store = new InMemoryTokenStore(clock, 3);
    store.save(grant("old", "f0", Duration.ofMinutes(1)));
    store.save(grant("a", "fa", Duration.ofHours(1)));
    store.save(grant("b", "fb", Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(2));
    store.save(grant("c", "fc", Duration.ofHours(1)));
    assertEquals(3, store.grantCount());
    assertTrue(store.find("old").isEmpty(), "the expired entry went first");
    assertTrue(store.find("a").isPresent());
    store.save(grant("d", "fd", Duration.ofHours(1)));
    assertEquals(3, store.grantCount());
    assertTrue(store.find("a").isEmpty(), "then the oldest live entry");
    assertTrue(store.familyCount() <= 3);
  }

  @Test
  void evictionForRoomOnlyEverFailsClosed() {
    InMemoryTokenStore store = new InMemoryTokenStore(clock, 2);
    store.save(grant("a", "fa", Duration.ofHours(1)));
    store.save(grant("b", "fb", Duration.ofHours(1)));
    store.save(grant("c", "fc", Duration.ofHours(1)));
    // "a" was dropped for room: its holder must log in again; nothing else changes.
    assertEquals(SpendResult.Status.UNKNOWN, store.spend("a").status());
    assertEquals(SpendResult.Status.SPENT, store.spend("b").status());
    assertEquals(SpendResult.Status.SPENT, store.spend("c").status());
    assertEquals(2, store.familyCount());
  }

  @Test
  void denylistExpiresAndRefusesToOverflow() {
    InMemoryTokenStore store = new InMemoryTokenStore(clock, 2);
    store.deny("j1", clock.instant().plus(Duration.ofMinutes(5)));
    store.deny("j2", clock.instant().plus(Duration.ofMinutes(20)));
    assertTrue(store.isDenied("j1"));
    IllegalStateException full = assertThrows(IllegalStateException.class,
        () -> store.deny("j3", clock.instant().plus(Duration.ofMinutes(5))));
    assertTrue(full.getMessage().contains("denylist is full"));
    assertTrue(store.isDenied("j1") && store.isDenied("j2"), "no live denial is ever dropped");
    clock.advance(Duration.ofMinutes(5));
    assertFalse(store.isDenied("j1"));
    store.deny("j3", clock.instant().plus(Duration.ofMinutes(5)));
    assertTrue(store.isDenied("j3"));
    assertTrue(store.isDenied("j2"));
    assertFalse(store.isDenied(null));
  }


  @Test
  void capacityMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new InMemoryTokenStore(clock, 0));
  }
}
