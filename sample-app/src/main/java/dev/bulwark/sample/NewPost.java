package dev.bulwark.sample;

import dev.bulwark.annotations.Sanitize;
import dev.bulwark.annotations.Validated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to create or replace a post. The server owns the id, the owner and the timestamp, so they are
 * not components here: a client that sends them gets a 400 (unknown property), never a changed owner.
 */
@Validated
public record NewPost(@NotBlank @Size(max = 200) @Sanitize(Sanitize.Policy.TEXT) String title,
    @Size(max = 20_000) @Sanitize(Sanitize.Policy.BASIC_HTML) String body) {}
