package dev.bulwark.sample;

import java.util.Set;

/**
 * A stored account. The password hash never leaves the server: the API returns {@link AuthApi.Profile} instead, and
 * {@link #toString()} leaves it out of logs.
 */
record Account(String id, String email, String name, @dev.bulwark.annotations.Sensitive String passwordHash,
    Set<Role> roles) {
  Set<String> roleNames() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Role role : roles) {
      names.add(role.name());
    }
    return names;
  }

  AuthApi.Profile profile(boolean mfaEnabled) {
    return new AuthApi.Profile(id, email, name, roleNames(), mfaEnabled);
  }

  @Override
  public String toString() {
    return "Account[id=" + id + ", roles=" + roles + "]";
  }
}
