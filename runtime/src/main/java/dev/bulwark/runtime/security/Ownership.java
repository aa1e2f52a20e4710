package dev.bulwark.runtime.security;

import dev.bulwark.auth.Principal;

/**
 * The application's object-level check for {@code @Secured(owner = ...)}: whether the caller may act on the object
 * with this id. The generated handler calls it after binding and before the implementation. An admin override, if
 * the application wants one, belongs here too ({@code caller.hasRole("admin") || ...}).
 *
 * @param <ID> the type of the path parameter that identifies the object
 */
@FunctionalInterface
public interface Ownership<ID> {
  /** True when the caller may act on the object; false gives the endpoint's 404 or 403. */
  boolean owns(Principal caller, ID id) throws Exception;
}
