package dev.bulwark.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.processor.rules.Rule;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One negative compile per validation rule (BW2nn), asserting the id, the file and the marked line. */
class ValidationRulesTest {
  private static final String HEADER = "package test;\nimport dev.bulwark.annotations.*; import jakarta.validation.*;"
      + " import jakarta.validation.constraints.*; import java.util.*; import java.time.*;\n";
  private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

  @Test
  void bw201ConstraintOnTheWrongType() {
    expect(Rule.BW201, """
        @Validated
        public record Api(@Size(max = 3) int count) {} // <-
        """);
    expect(Rule.BW201, """
        @Validated
        public record Api(@Email UUID id) {} // <-
        """);
    expect(Rule.BW201, """
        @Validated
        public record Api(@Past @Size(max = 3) String when) {} // <-
        """);
    expect(Rule.BW201, """
        @HttpApi("/x") @Public(reason = "t") @RateLimited(capacity = 9, period = "1m", key = RateKey.CLIENT_IP)
        public interface Api {
          @GET
          String a(@QueryParam("n") @NotBlank int n); // <-
        }
        """);
  }

  @Test
  void bw202InvalidRegex() {
    String message = expect(Rule.BW202, """
        @Validated
        public record Api(@Pattern(regexp = "([a-z]+") @Size(max = 10) String code) {} // <-
        """);
    assertTrue(message.contains("Api.code"), message);
  }

  @Test
  void bw203ValidIntoAnUnvalidatedType() {
    expect(Rule.BW203, """
        record Inner(String a) {}
        @Validated
        public record Api(@Valid Inner inner) {} // <-
        """);
  }

  @Test
  void bw204UnboundedInputs() {
    expect(Rule.BW204, """
        @Validated
        public record Api(@NotBlank String title) {} // <-
        """);
    expect(Rule.BW204, """
        @Validated
        public record Api(@Size(max = 10) List<String> tags) {} // <-
        """);
    expect(Rule.BW204, """
        @Validated
        public record Api(Map<String, Integer> counts) {} // <-
        """);
    expect(Rule.BW204, """
        @Validated
        public record Api(@Size(min = 1) byte[] data) {} // <-
        """);
    expect(Rule.BW204, """
        @HttpApi("/x") @Public(reason = "t") @RateLimited(capacity = 9, period = "1m", key = RateKey.CLIENT_IP)
        public interface Api {
          @GET
          String a(@QueryParam("q") String q); // <-
        }
        """);
    expect(Rule.BW204, """
        @HttpApi("/x") @Public(reason = "t") @RateLimited(capacity = 9, period = "1m", key = RateKey.CLIENT_IP)
        public interface Api {
          @GET
          String a(@QueryParam("t") @Size(max = 3) List<String> t); // <-
        }
        """);
  }

  @Test
  void bw205SanitizeOnNonText() {
    expect(Rule.BW205, """
        @Validated
        public record Api(@Sanitize int n) {} // <-
        """);
    expect(Rule.BW205, """
        @Validated
        public record Api(@Size(max = 3) List<@Sanitize @Size(max = 9) String> parts) {} // <-
        """);
  }

  @Test
  void bw206ConstraintsThatWouldNotRun() {
    expect(Rule.BW206, """
        record Payload(@Size(max = 3) String a) {}
        @HttpApi("/x") @Public(reason = "t") @RateLimited(capacity = 9, period = "1m", key = RateKey.CLIENT_IP)
        public interface Api {
          @POST
          void a(@Body Payload body); // <-
        }
        """);
    expect(Rule.BW206, """
        record Inner(@Size(max = 3) String a) {}
        @Validated
        public record Api(Inner inner) {} // <-
        """);
  }

  @Test
  void bw207ValidatedOnAClass() {
    expect(Rule.BW207, """
        @Validated
        public class Api {} // <-
        """);
  }

  @Test
  void bw209CustomCheckThatDoesNotFit() {
    expect(Rule.BW209, """
        @Validated
        public record Api(@Check(NotACheck.class) @Size(max = 3) String a) { // <-
          public static final class NotACheck {}
        }
        """);
    expect(Rule.BW209, """
        @Validated
        public record Api(@Check(Api.ForInts.class) @Size(max = 3) String a) { // <-
          public static final class ForInts implements dev.bulwark.runtime.validation.CustomCheck<Integer> {
            public boolean isValid(Integer v) { return true; }
          }
        }
        """);
  }

  @Test
  void bw208ImpossibleBounds() {
    expect(Rule.BW208, """
        @Validated
        public record Api(@Size(min = 5, max = 2) String a) {} // <-
        """);
    expect(Rule.BW208, """
        @Validated
        public record Api(@DecimalMin("ten") java.math.BigDecimal a) {} // <-
        """);
  }

  private static String expect(Rule rule, String body) {
    return RuleAssertions.expect(rule, HEADER + body, COVERED);
  }

  @AfterAll
  static void everyValidationRuleHasANegativeTest() {
    RuleAssertions.assertFamilyCovered("BW2", COVERED, Set.of());
  }
}
