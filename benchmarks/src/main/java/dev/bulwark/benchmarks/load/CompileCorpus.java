package dev.bulwark.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the compile-time benchmark's sources: {@code CompileCorpus <dir> <n>} makes {@code n} API interfaces in
 * {@code dir/api}, each the load benchmark's endpoint shape (a secured, rate-limited POST with a validated
 * five-field body and a record result) with a record of its own, so the processor writes a routes class and a
 * validator per API. The script compiles them with the processor, then the same interfaces with the processor's
 * output as hand-written sources and without the processor, then the interfaces alone.
 */
public final class CompileCorpus {
  private CompileCorpus() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]).resolve("api/corpus");
    int n = Integer.parseInt(args[1]);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Role.java"), "package corpus;\n\npublic enum Role { user, admin }\n",
        StandardCharsets.UTF_8);
    for (int i = 0; i < n; i++) {
      Files.writeString(dir.resolve("Api" + i + ".java"), api(i), StandardCharsets.UTF_8);
    }
  }

  private static String api(int i) {
    return """
        package corpus;

        import dev.bulwark.annotations.Body;
        import dev.bulwark.annotations.Caller;
        import dev.bulwark.annotations.HttpApi;
        import dev.bulwark.annotations.POST;
        import dev.bulwark.annotations.RateKey;
        import dev.bulwark.annotations.RateLimited;
        import dev.bulwark.annotations.Secured;
        import dev.bulwark.annotations.Validated;
        import dev.bulwark.auth.Principal;
        import jakarta.validation.constraints.Email;
        import jakarta.validation.constraints.Max;
        import jakarta.validation.constraints.Min;
        import jakarta.validation.constraints.NotBlank;
        import jakarta.validation.constraints.NotNull;
        import jakarta.validation.constraints.Pattern;
        import jakarta.validation.constraints.Size;
        import java.util.List;

        @HttpApi(value = "/api/NUM", roles = Role.class)
        public interface ApiNUM {
          @Validated
          record OrderNUM(
              @NotBlank @Size(max = 40) String name,
              @Email @Size(max = 254) String email,
              @Min(13) @Max(130) int age,
              @NotNull @Size(max = 5) List<@NotBlank @Size(max = 20) String> tags,
              @Pattern(regexp = "[A-Z]{2}") @Size(max = 2) String country) {}

          record ReceiptNUM(String id, String owner, String name, int tags) {}

          @POST("/orders")
          @Secured(roles = "user")
          @RateLimited(capacity = 100, period = "1m", key = RateKey.PRINCIPAL)
          ReceiptNUM create(@Body OrderNUM order, @Caller Principal me);
        }
        """.replace("NUM", Integer.toString(i));
  }
}
