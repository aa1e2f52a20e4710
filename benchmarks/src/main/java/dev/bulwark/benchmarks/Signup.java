package dev.bulwark.benchmarks;

import dev.bulwark.annotations.Validated;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The five-field record {@link ValidationBenchmark} validates three ways: with the generated {@code Signup_Validator},
 * with {@link HandWrittenSignupValidator} and with Hibernate Validator, all reading these same annotations.
 */
@Validated
public record Signup(
    @NotBlank @Size(max = 40) String name,
    @Email @Size(max = 254) String email,
    @Min(13) @Max(130) int age,
    @NotNull @Size(max = 5) List<@NotBlank @Size(max = 20) String> tags,
    @Pattern(regexp = "[A-Z]{2}") @Size(max = 2) String country) {}
