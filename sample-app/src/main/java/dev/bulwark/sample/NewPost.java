package dev.bulwark.sample;

/** What a client sends to create or replace a post; the server owns the id and the timestamp. */
public record NewPost(String title, String body) {}
