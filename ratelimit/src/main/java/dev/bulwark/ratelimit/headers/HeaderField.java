package dev.bulwark.ratelimit.headers;

/** One response header to write: a name and its value. */
public record HeaderField(String name, String value) {}
