package dev.bulwark.annotations;

/** What a caller who fails the object-level check gets. */
public enum NotOwner {
  /** 404, as if the object did not exist: its existence is not revealed. */
  NOT_FOUND,
  /** 403, for objects whose existence is not a secret. */
  FORBIDDEN
}
