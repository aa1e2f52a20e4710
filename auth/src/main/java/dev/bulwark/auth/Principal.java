package dev.bulwark.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller: who it is, what it may do, and how it proved it.
 *
 * <p>All collections are immutable copies. {@link #toString()} prints the id, roles, scopes, method and
 * the claim names only, never claim values, so a principal can be logged without leaking token content.
 *
 * @param id the subject (a JWT {@code sub}, or the API key's owner id); never blank
 * @param roles the roles granted to the caller
 * @param scopes the OAuth-style scopes granted to the caller
 * @param claims the token's other claims (values are JSON-like: String, Number, Boolean, List, Map)
 * @param method how the caller authenticated
 * @param tokenId the JWT {@code jti} or the API key id; may be null
 */
public record Principal(
    String id,
    Set<String> roles,
    Set<String> scopes,
    Map<String, Object> claims,
    AuthMethod method,
    String tokenId)
    implements java.security.Principal {

  /** Validates and copies the components. */
  public Principal {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("Principal id must not be blank");
    }
    Objects.requireNonNull(method, "method");
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    claims = claims == null ? Map.of() : Map.copyOf(claims);
  }

  @Override
  public String getName() {
    return id;
  }

  /** Whether the caller holds {@code role}. */
  public boolean hasRole(String role) {
    return role != null && roles.contains(role);
  }

  /** Whether the caller was granted {@code scope}. */
  public boolean hasScope(String scope) {
    return scope != null && scopes.contains(scope);
  }

  // Claim values may carry personal data or secrets: print their names only.
  @Override
  public String toString() {
    return "Principal[id=" + id
        + ", roles=" + new java.util.TreeSet<>(roles)
        + ", scopes=" + new java.util.TreeSet<>(scopes)
        + ", claims=" + new java.util.TreeSet<>(claims.keySet())
        + ", method=" + method
        + ", tokenId=" + (tokenId == null ? "none" : "present")
        + "]";
  }
}
