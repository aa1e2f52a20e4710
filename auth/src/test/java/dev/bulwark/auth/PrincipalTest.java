package dev.bulwark.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared principal and failure types. */
class PrincipalTest {

  @Test
  void copiesAreImmutableAndDetached() {
    Set<String> roles = new HashSet<>(Set.of("user"));
    Map<String, Object> claims = new HashMap<>(Map.of("email", "a@example.test"));
    Principal p = new Principal("u1", roles, Set.of("read"), claims, AuthMethod.JWT, "jti-1");
    roles.add("admin");
    claims.put("x", 1);
    assertEquals(Set.of("user"), p.roles());
    assertEquals(Map.of("email", "a@example.test"), p.claims());
    assertThrows(UnsupportedOperationException.class, () -> p.roles().add("admin"));
    assertThrows(UnsupportedOperationException.class, () -> p.claims().put("y", 2));
    assertTrue(p.hasRole("user"));
    assertFalse(p.hasRole("admin"));
    assertFalse(p.hasRole(null));
    assertTrue(p.hasScope("read"));
    assertEquals("u1", p.getName());
  }

  @Test
  void nullCollectionsBecomeEmptyAndTokenIdMayBeNull() {
    Principal p = new Principal("k1", null, null, null, AuthMethod.API_KEY, null);
    assertEquals(Set.of(), p.roles());
    assertEquals(Map.of(), p.claims());
    assertNull(p.tokenId());
  }

  @Test
  void idAndMethodAreRequired() {
    assertThrows(IllegalArgumentException.class, () -> new Principal(" ", Set.of(), Set.of(), Map.of(), AuthMethod.JWT, null));
    assertThrows(NullPointerException.class, () -> new Principal("u", Set.of(), Set.of(), Map.of(), null, null));
  }

  @Test
  void toStringNeverPrintsClaimValuesOrTheTokenId() {
    Principal p = new Principal("u1", Set.of("user"), Set.of(), Map.of("email", "secret@example.test"),
        AuthMethod.JWT, "jti-secret");
    String s = p.toString();
    assertTrue(s.contains("u1") && s.contains("email"), s);
    assertFalse(s.contains("secret@example.test"), s);
    assertFalse(s.contains("jti-secret"), s);
  }

  @Test
  void failureMessageIsTheReasonCodeOnly() {
    AuthenticationException e = new AuthenticationException(AuthenticationException.Reason.EXPIRED,
        new IllegalStateException("The Token has expired on 2026-12-04T12:00:00Z."));
    assertEquals("EXPIRED", e.getMessage());
    assertEquals(AuthenticationException.Reason.EXPIRED, e.reason());
    assertTrue(e.getCause() instanceof IllegalStateException);
  }
}
