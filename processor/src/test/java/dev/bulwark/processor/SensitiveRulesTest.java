package dev.bulwark.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.processor.rules.Rule;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One negative compile per sensitive-data rule (BW5nn), asserting the id, the file and the marked line. */
class SensitiveRulesTest {
  private static final String HEADER = "package test;\nimport dev.bulwark.annotations.*; import java.util.*;\n";
  private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

  private static String expect(Rule rule, String body) {
    return RuleAssertions.expect(rule, HEADER + body, COVERED);
  }

  @Test
  void bw501SensitiveValueThreeLevelsDeep() {
    String message = expect(Rule.BW501, """
        record Secret(@Sensitive String hash) { public String toString() { return "Secret"; } }
        record Inner(Secret payload) {}
        record Wrapper(Inner inner) {}
        @HttpApi("/x") @Public(reason = "t") @RateLimited(capacity = 9, period = "1m", key = RateKey.CLIENT_IP)
        public interface Api {
          @GET
          List<Optional<Wrapper>> all(); // <-
        }
        """);
    assertTrue(message.contains("Secret.hash"), message);
  }

  @Test
  void bw502SensitiveRecordWithGeneratedToString() {
    expect(Rule.BW502, """
        public record Api(String id, @Sensitive String passwordHash) {} // <-
        """);
  }

  @Test
  void bw503SecretSoundingNameWithoutDecision() {
    expect(Rule.BW503, """
        record View(String id, String apiKey) {}
        @HttpApi("/x") @Public(reason = "t") @RateLimited(capacity = 9, period = "1m", key = RateKey.CLIENT_IP)
        public interface Api {
          @GET
          View get(); // <-
        }
        """);
  }

  @Test
  void bw504SensitiveValueInARequestThatDoesNotDeclareIt() {
    expect(Rule.BW504, """
        record Update(int age, @Sensitive long vaultNumber) { public String toString() { return "Update"; } }
        @HttpApi("/x") @Public(reason = "t") @RateLimited(capacity = 9, period = "1m", key = RateKey.CLIENT_IP)
        public interface Api {
          @POST
          void update(@Body Update update); // <-
        }
        """);
  }

  @Test
  void bw505NotSensitiveWithoutReason() {
    expect(Rule.BW505, """
        record View(@NotSensitive(reason = " ") String token) {} // <-
        @HttpApi("/x") @Public(reason = "t") @RateLimited(capacity = 9, period = "1m", key = RateKey.CLIENT_IP)
        public interface Api {
          @GET
          View get();
        }
        """);
  }

  @Test
  void declaredDecisionsCompile() {
    var compilation = Compilations.compile(Compilations.source("test.Api", HEADER + """
        record Login(String email, @Sensitive(input = true) String password) {
          public String toString() { return "Login"; }
        }
        record Tokens(@NotSensitive(reason = "issued at login") String accessToken, long expiresIn) {}
        @HttpApi("/x") @Public(reason = "t") @RateLimited(capacity = 9, period = "1m", key = RateKey.CLIENT_IP)
        public interface Api {
          @POST
          Tokens login(@Body Login login);
        }
        """));
    assertTrue(compilation.errors().stream().noneMatch(d -> d.getMessage(null).contains("[BW5")),
        compilation.errors().toString());
  }

  @AfterAll
  static void everySensitiveRuleHasANegativeTest() {
    RuleAssertions.assertFamilyCovered("BW50", COVERED, Set.of());
  }
}
