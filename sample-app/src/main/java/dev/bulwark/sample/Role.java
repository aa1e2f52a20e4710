package dev.bulwark.sample;

/** The sample's role set: the only roles its {@code @Secured} annotations may name. */
public enum Role { user, admin }
