package dev.bulwark.runtime.security;

import dev.bulwark.annotations.Scheme;
import java.util.Set;

/**
 * One endpoint's access rule, as the processor resolved it: the schemes it accepts, the roles of which the caller
 * needs one, and the permissions the caller needs all of. {@code name} identifies the endpoint in audit events.
 */
public record Access(String name, Set<Scheme> schemes, Set<String> anyRole, Set<String> allPermissions) {
  public Access {
    schemes = Set.copyOf(schemes);
    anyRole = Set.copyOf(anyRole);
    allPermissions = Set.copyOf(allPermissions);
    if (schemes.isEmpty()) {
      throw new IllegalArgumentException(name + " accepts no credential scheme");
    }
  }
}
