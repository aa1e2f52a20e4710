package dev.bulwark.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.bulwark.processor.rules.Rule;
import java.util.EnumSet;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One negative compile per rule: the error carries the rule id, and sits in the right file on the right line. Each
 * source's first line is line 1; the offending line is marked with a {@code // <-} comment, which the test finds.
 */
class RulesTest {
  private static final String IMPORTS = "import dev.bulwark.annotations.*; import jakarta.validation.constraints.*; import java.util.*;\n";
  private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

  @Test
  void bw001HttpApiOnAClass() {
    expect(Rule.BW001, """
        @HttpApi("/x") // <-
        public class Api {}
        """);
  }

  @Test
  void bw002MalformedPaths() {
    expect(Rule.BW002, """
        @HttpApi("/x")
        public interface Api {
          @GET("/a//b") // <-
          String a();
        }
        """);
    expect(Rule.BW002, """
        @HttpApi("x/") // <-
        public interface Api {}
        """);
    expect(Rule.BW002, """
        @HttpApi("/x")
        public interface Api {
          @GET("/a{id}") // <-
          String a(@PathParam("id") long id);
        }
        """);
    expect(Rule.BW002, """
        @HttpApi("/x")
        public interface Api {
          @GET("/../admin") // <-
          String a();
        }
        """);
  }

  @Test
  void bw003PathVariableWithoutParameter() {
    String message = expect(Rule.BW003, """
        @HttpApi("/x")
        public interface Api {
          @GET("/{id}")
          String get(); // <-
        }
        """);
    assertTrue(message.contains("@PathParam(\"id\")"), message);
  }

  @Test
  void bw004PathParamNamesNoVariable() {
    expect(Rule.BW004, """
        @HttpApi("/x")
        public interface Api {
          @GET("/{id}")
          String get(@PathParam("id") long id, @PathParam("other") long other); // <-
        }
        """);
  }

  @Test
  void bw005TwoEndpointsOnOneRoute() {
    String message = expect(Rule.BW005, """
        @HttpApi("/x")
        public interface Api {
          @GET("/{id}")
          String a(@PathParam("id") long id);
          @GET("/{key}")
          String b(@PathParam("key") long key); // <-
        }
        """);
    assertTrue(message.contains("Api.a and Api.b both claim GET /x/{key}"), message);
  }

  @Test
  void bw006ParameterWithoutOrWithSeveralSources() {
    expect(Rule.BW006, """
        @HttpApi("/x")
        public interface Api {
          @GET
          String a(String q); // <-
        }
        """);
    expect(Rule.BW006, """
        @HttpApi("/x")
        public interface Api {
          @GET
          String a(@QueryParam("q") @HeaderParam("q") String q); // <-
        }
        """);
  }

  @Test
  void bw007UnsupportedParameterTypes() {
    expect(Rule.BW007, """
        @HttpApi("/x")
        public interface Api {
          @GET("/{id}")
          String a(@PathParam("id") Optional<String> id); // <-
        }
        """);
    expect(Rule.BW007, """
        @HttpApi("/x")
        public interface Api {
          @GET
          String a(@QueryParam("q") Object q); // <-
        }
        """);
    expect(Rule.BW007, """
        @HttpApi("/x")
        public interface Api {
          @GET
          String a(@HeaderParam("h") List<String> h); // <-
        }
        """);
    expect(Rule.BW007, """
        @HttpApi("/x")
        public interface Api {
          @POST
          String a(@Body int body); // <-
        }
        """);
  }

  @Test
  void bw008UnsupportedResultTypes() {
    expect(Rule.BW008, """
        @HttpApi("/x")
        public interface Api {
          @GET
          Object a(); // <-
        }
        """);
    expect(Rule.BW008, """
        @HttpApi("/x")
        public interface Api {
          @GET
          Optional<Optional<String>> a(); // <-
        }
        """);
    expect(Rule.BW008, """
        @HttpApi("/x")
        public interface Api {
          @GET
          List<?> a(); // <-
        }
        """);
  }

  @Test
  void bw009BodyOnGetOrDelete() {
    expect(Rule.BW009, """
        @HttpApi("/x")
        public interface Api {
          record B(int a) {}
          @DELETE
          void a(@Body B b); // <-
        }
        """);
  }

  @Test
  void bw010TwoBodies() {
    expect(Rule.BW010, """
        @HttpApi("/x")
        public interface Api {
          record B(int a) {}
          @POST
          void a(@Body B b, @Body B c); // <-
        }
        """);
  }

  @Test
  void bw011MethodThatIsNotOneEndpoint() {
    expect(Rule.BW011, """
        @HttpApi("/x")
        public interface Api {
          String a(); // <-
        }
        """);
    expect(Rule.BW011, """
        @HttpApi("/x")
        public interface Api {
          @GET @POST
          String a(); // <-
        }
        """);
  }

  @Test
  void bw012StatusOutside2xx() {
    expect(Rule.BW012, """
        @HttpApi("/x")
        public interface Api {
          @GET
          @Status(302) // <-
          String a();
        }
        """);
  }

  @Test
  void bw013UnresolvedTypeVariable() {
    expect(Rule.BW013, """
        @HttpApi("/x")
        public interface Api {
          @GET
          <T> T a(); // <-
        }
        """);
    expect(Rule.BW013, """
        @HttpApi("/x")
        public interface Api<T> { // <-
          @GET
          T a();
        }
        """);
  }

  @Test
  void bw014SameSourceBoundTwice() {
    expect(Rule.BW014, """
        @HttpApi("/x")
        public interface Api {
          @GET
          String a(@HeaderParam("X-A") long a, @HeaderParam("x-a") long b); // <-
        }
        """);
  }

  @Test
  void errorsInOneTypeDoNotStopTheOthers() {
    JavaFileObject bad = Compilations.source("test.Bad", "package test;\n" + IMPORTS + """
        @HttpApi("/bad") @Public(reason = "test")
        public interface Bad {
          String noMapping();
          @GET("/{id}")
          String missing();
        }
        """);
    JavaFileObject worse = Compilations.source("test.Worse", "package test;\n" + IMPORTS + """
        @HttpApi("/worse")
        public class Worse {}
        """);
    Compilation compilation = Compilations.compile(bad, worse);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[BW011]").inFile(bad).onLine(5);
    assertThat(compilation).hadErrorContaining("[BW003]").inFile(bad).onLine(7);
    assertThat(compilation).hadErrorContaining("[BW001]").inFile(worse).onLine(3);
    assertEquals(3, compilation.errors().size());
  }

  @Test
  void lookalikeAnnotationsAreNotOurs() {
    JavaFileObject own = Compilations.source("test.GET", "package test; public @interface GET { String value() default \"\"; }");
    JavaFileObject api = Compilations.source("test.Api", "package test;\nimport dev.bulwark.annotations.HttpApi;\n" + """
        @HttpApi("/x") @dev.bulwark.annotations.Public(reason = "test")
        public interface Api {
          @GET
          String a(); // <-
        }
        """);
    Compilation compilation = Compilations.compile(own, api);
    assertThat(compilation).hadErrorContaining("[BW011]").inFile(api).onLine(6);
  }

  /** Compiles the source, asserts exactly this rule fired on the marked line, and returns the message. */
  private static String expect(Rule rule, String body) {
    return RuleAssertions.expect(rule,
        "package test;\n" + IMPORTS + body.replace("@HttpApi(",
            "@Public(reason = \"test\") @RateLimited(capacity = 9, period = \"1m\", key = RateKey.CLIENT_IP) @HttpApi("), COVERED);
  }

  /** This class covers the structural rules, BW001 to BW098; each other family has its own test class. */
  @AfterAll
  static void everyStructuralRuleHasANegativeTest() {
    RuleAssertions.assertFamilyCovered("BW0", COVERED, Set.of(Rule.BW099));
  }
}
