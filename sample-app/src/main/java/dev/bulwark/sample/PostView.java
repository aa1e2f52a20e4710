package dev.bulwark.sample;

import java.time.Instant;

/** A post as the API shows it. */
public record PostView(long id, String ownerId, String title, String body, Instant createdAt) {}
