package dev.bulwark.processor;

import dev.bulwark.processor.rules.Rule;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One negative compile per rate-limit rule (BW3nn), asserting the id, the file and the marked line. */
class RateLimitRulesTest {
  private static final String HEADER = "package test;\nimport dev.bulwark.annotations.*;"
      + " import jakarta.validation.constraints.*; import java.util.*;\n"
      + "enum Role { user }\n";
  private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

  private static String expect(Rule rule, String body) {
    return RuleAssertions.expect(rule, HEADER + body, COVERED);
  }

  @Test
  void bw301ZeroCapacity() {
    expect(Rule.BW301, """
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @GET @RateLimited(capacity = 0, period = "1m", key = RateKey.CLIENT_IP) // <-
          String a();
        }
        """);
  }

  @Test
  void bw302PeriodThatDoesNotParse() {
    String message = expect(Rule.BW302, """
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @GET @RateLimited(capacity = 5, period = "5 minutes", key = RateKey.CLIENT_IP) // <-
          String a();
        }
        """);
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("'5 minutes'"), message);
  }

  @Test
  void bw303PrincipalKeyOnAPublicEndpoint() {
    expect(Rule.BW303, """
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @GET @RateLimited(capacity = 5, period = "1m") // <-
          String a();
        }
        """);
  }

  @Test
  void bw304PublicStateChangeWithoutALimit() {
    expect(Rule.BW304, """
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @POST
          void a(); // <-
        }
        """);
  }

  @Test
  void bw305CredentialEndpointWithoutFailureCounting() {
    String message = expect(Rule.BW305, """
        @Validated record Login(@Size(max = 99) String email, @Sensitive(input = true) @Size(max = 99) String password) {
          public String toString() { return "Login"; }
        }
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @POST @RateLimited(capacity = 5, period = "1m", key = RateKey.CLIENT_IP)
          String login(@Body Login login); // <-
        }
        """);
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("per client IP and per account"), message);
  }

  @Test
  void bw306AccountKeyWithoutAnAccount() {
    expect(Rule.BW306, """
        @HttpApi("/x") @Public(reason = "t")
        public interface Api {
          @POST @RateLimited(capacity = 5, period = "1m", key = RateKey.ACCOUNT, account = "email") // <-
          String a();
        }
        """);
  }

  @AfterAll
  static void everyRateLimitRuleHasANegativeTest() {
    RuleAssertions.assertFamilyCovered("BW3", COVERED, Set.of());
  }
}
