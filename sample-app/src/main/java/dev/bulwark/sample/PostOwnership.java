package dev.bulwark.sample;

import dev.bulwark.auth.Principal;
import dev.bulwark.runtime.security.Ownership;

/** A post may be read, changed or deleted by its owner, or by an admin; anyone else is told it does not exist. */
final class PostOwnership implements Ownership<Long> {
  private final Posts posts;

  PostOwnership(Posts posts) {
    this.posts = posts;
  }

  @Override
  public boolean owns(Principal caller, Long id) {
    return caller.hasRole(Role.admin.name()) || posts.ownerOf(id).map(caller.id()::equals).orElse(false);
  }
}
