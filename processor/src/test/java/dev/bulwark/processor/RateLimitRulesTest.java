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

  @Test
  void bw307TierOnALimitNotKeyedByTheCaller() {
    expect(Rule.BW307, """
        @HttpApi(value = "/x", roles = Role.class) @Secured(roles = "user")
        public interface Api {
          @POST @RateLimited(capacity = 5, period = "1m")
          @RateLimited(capacity = 50, period = "1m", key = RateKey.CLIENT_IP, tier = "pro")
          void a(); // <- (javac places a repeated annotation's errors on the method)
        }
        """);
  }

  @Test
  void bw308TiersWithoutADefault() {
    String message = expect(Rule.BW308, """
        @HttpApi(value = "/x", roles = Role.class) @Secured(roles = "user")
        public interface Api {
          @POST @RateLimited(capacity = 50, period = "1m", tier = "pro")
          @RateLimited(capacity = 500, period = "1m", tier = "enterprise")
          void a(); // <-
        }
        """);
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("enterprise, pro"), message);
  }

  @Test
  void bw309NamedLimitDeclaredTwoWays() {
    String message = expect(Rule.BW309, """
        @HttpApi(value = "/x", roles = Role.class) @Secured(roles = "user")
        public interface Api {
          @POST @RateLimited(capacity = 10, period = "1m", name = "writes")
          void a();
          @PUT @RateLimited(capacity = 20, period = "1m", name = "writes") // <-
          void b();
        }
        """);
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("10 per 1m") && message.contains("20 per 1m"), message);
  }

  @Test
  void bw310LimitNameThatIsNotAnIdentifier() {
    expect(Rule.BW310, """
        @HttpApi(value = "/x", roles = Role.class) @Secured(roles = "user")
        public interface Api {
          @POST @RateLimited(capacity = 10, period = "1m", name = "All Writes!") // <-
          void a();
        }
        """);
  }

  @Test
  void bw311PageSizeWithoutAnUpperBound() {
    String message = expect(Rule.BW311, """
        @HttpApi(value = "/x", roles = Role.class) @Secured(roles = "user")
        public interface Api {
          @GET
          List<String> list(@QueryParam("limit") @Min(1) Optional<Integer> limit); // <-
        }
        """);
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("no @Max"), message);
  }

  @Test
  void pageSizeOverTheCeilingIsRefusedToo() {
    String message = expect(Rule.BW311, """
        @HttpApi(value = "/x", roles = Role.class) @Secured(roles = "user")
        public interface Api {
          @GET
          List<String> list(@QueryParam("pageSize") @Max(5000) int size); // <-
        }
        """);
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("@Max(5000)"), message);
  }

  @Test
  void tiersWithADefaultNamedLimitsAndBoundedPagesCompile() {
    com.google.testing.compile.Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new BulwarkProcessor())
        .compile(com.google.testing.compile.JavaFileObjects.forSourceString("test.Api", HEADER + """
            @HttpApi(value = "/x", roles = Role.class) @Secured(roles = "user")
            public interface Api {
              @POST @RateLimited(capacity = 10, period = "1m", name = "writes")
              @RateLimited(capacity = 100, period = "1m", name = "writes.pro", tier = "pro",
                  onStoreFailure = OnStoreFailure.FAIL_OPEN)
              void a();
              @PUT @RateLimited(capacity = 10, period = "1m", name = "writes")
              @RateLimited(capacity = 100, period = "1m", name = "writes.pro", tier = "pro",
                  onStoreFailure = OnStoreFailure.FAIL_OPEN)
              void b();
              @GET List<String> list(@QueryParam("limit") @Max(100) Optional<Integer> limit);
            }
            """));
    com.google.testing.compile.CompilationSubject.assertThat(compilation).succeeded();
    com.google.testing.compile.CompilationSubject.assertThat(compilation).generatedSourceFile("test.Api_Routes")
        .contentsAsUtf8String().contains("if (tier.equals(\"pro\"))");
    com.google.testing.compile.CompilationSubject.assertThat(compilation).generatedSourceFile("test.Api_Routes")
        .contentsAsUtf8String().contains("LimitSpec.of(\"writes.pro\", 100L, \"1m\").withStoreFailurePolicy(StoreFailurePolicy.FAIL_OPEN)");
  }

  @Test
  void failureOnlyAttemptsAreSettledBeforeTheResponseIsSent() {
    com.google.testing.compile.Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new BulwarkProcessor())
        .compile(com.google.testing.compile.JavaFileObjects.forSourceString("test.Api", HEADER + """
            @Validated record Login(@Size(max = 99) String email, @Sensitive(input = true) @Size(max = 99) String password) {
              public String toString() { return "Login"; }
            }
            @HttpApi("/x") @Public(reason = "t")
            public interface Api {
              @POST @RateLimited(capacity = 5, period = "1m", key = RateKey.CLIENT_IP, failuresOnly = true)
              @RateLimited(capacity = 5, period = "1m", key = RateKey.ACCOUNT, account = "email", failuresOnly = true)
              String login(@Body Login login);
            }
            """));
    com.google.testing.compile.CompilationSubject.assertThat(compilation).succeeded();
    String source;
    try {
      source = compilation.generatedSourceFile("test.Api_Routes").orElseThrow().getCharContent(true).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // The server may read the client's next request as soon as a response is out: a success must have given its
    // tokens back by then, or a quick next attempt finds the bucket short.
    int finish = source.indexOf("attempts.finish(succeeded)");
    int respond = source.indexOf("call.respondJson(", source.indexOf("handleLogin"));
    org.junit.jupiter.api.Assertions.assertTrue(finish > 0 && respond > finish, source);
  }

  @AfterAll
  static void everyRateLimitRuleHasANegativeTest() {
    RuleAssertions.assertFamilyCovered("BW3", COVERED, Set.of());
  }
}
