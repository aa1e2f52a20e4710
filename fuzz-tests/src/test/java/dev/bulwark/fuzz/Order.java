package dev.bulwark.fuzz;

import dev.bulwark.annotations.Sanitize;
import dev.bulwark.annotations.Validated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The fuzzed body type: a shop order with one constraint family per component, a nested {@code @Valid} record, a
 * list with element constraints and a note cleaned to the basic HTML policy, so every generated check is reached.
 */
@Validated
public record Order(
    @NotBlank @Size(max = 80) String title,
    @Min(1) @Max(1000) int quantity,
    @Email @Size(max = 254) String email,
    @NotNull @Size(max = 5) List<@NotBlank @Size(max = 20) @Pattern(regexp = "[a-z0-9-]+") String> tags,
    @Valid @NotNull Address shipTo,
    @Size(max = 500) @Sanitize(Sanitize.Policy.BASIC_HTML) String note) {

  /** Where the order goes. */
  @Validated
  public record Address(
      @NotBlank @Size(max = 100) String city,
      @Pattern(regexp = "[0-9]{5}") @Size(max = 10) String zip) {}
}
