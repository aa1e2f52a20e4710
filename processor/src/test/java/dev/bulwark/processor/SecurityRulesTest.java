package dev.bulwark.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.bulwark.processor.rules.Rule;
import java.util.EnumSet;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One negative compile per access-control rule (BW1nn), asserting the id, the file and the marked line. */
class SecurityRulesTest {
  private static final String HEADER = "package test;\nimport dev.bulwark.annotations.*; import dev.bulwark.auth.Principal;"
      + " import dev.bulwark.runtime.security.Ownership; import java.util.*;\n"
      + "enum Role { user, admin } enum Perm { read }\n";
  private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

  @Test
  void bw101NoAccessDecision() {
    String message = expect(Rule.BW101, """
        @HttpApi("/x")
        public interface Api {
          @GET
          String a(); // <-
        }
        """);
    assertTrue(message.contains("cannot be waived"), message);
  }

  @Test
  void bw102BothDecisions() {
    expect(Rule.BW102, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          @GET @Public(reason = "r") @Secured(roles = "user")
          String a(); // <-
        }
        """);
  }

  @Test
  void bw103BlankReason() {
    expect(Rule.BW103, """
        @HttpApi("/x")
        public interface Api {
          @GET @Public(reason = "  ") // <-
          String a();
        }
        """);
  }

  @Test
  void bw104MisspeltRole() {
    String message = expect(Rule.BW104, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          @GET @Secured(roles = "adimn") // <-
          String a();
        }
        """);
    assertTrue(message.contains("'adimn'") && message.contains("user, admin"), message);
  }

  @Test
  void bw104RoleFromInterfaceLevelDefault() {
    expect(Rule.BW104, """
        @HttpApi(value = "/x", roles = Role.class)
        @Secured(roles = "User") // <-
        public interface Api {
          @GET
          String a();
        }
        """);
  }

  @Test
  void bw105EmptyRoleList() {
    expect(Rule.BW105, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          @GET @Secured // <-
          String a();
        }
        """);
  }

  @Test
  void bw106NoRoleSetDeclared() {
    expect(Rule.BW106, """
        @HttpApi("/x")
        public interface Api {
          @GET @Secured(roles = "user") // <-
          String a();
        }
        """);
  }

  @Test
  void bw107UnknownPermission() {
    expect(Rule.BW107, """
        @HttpApi(value = "/x", roles = Role.class, permissions = Perm.class)
        public interface Api {
          @GET @Secured(roles = "user", permissions = "write") // <-
          String a();
        }
        """);
  }

  @Test
  void bw108CallerOfTheWrongType() {
    expect(Rule.BW108, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          @GET @Secured(roles = "user")
          String a(@Caller String me); // <-
        }
        """);
  }

  @Test
  void bw109RequiredCallerOnPublicEndpoint() {
    expect(Rule.BW109, """
        @HttpApi("/x")
        public interface Api {
          @GET @Public(reason = "open")
          String a(@Caller Principal me); // <-
        }
        """);
    expect(Rule.BW109, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          @GET @Secured(roles = "user")
          String a(@Caller Optional<Principal> me); // <-
        }
        """);
  }

  @Test
  void bw110OwnershipCheckThatDoesNotFit() {
    expect(Rule.BW110, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          final class ByName implements Ownership<String> { public boolean owns(Principal p, String id) { return true; } }
          @GET("/{id}") @Secured(roles = "user", owner = ByName.class) // <-
          String a(@PathParam("id") long id);
        }
        """);
    expect(Rule.BW110, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          final class NotACheck {}
          @GET("/{id}") @Secured(roles = "user", owner = NotACheck.class) // <-
          String a(@PathParam("id") long id);
        }
        """);
    expect(Rule.BW110, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          final class ById implements Ownership<Long> { public boolean owns(Principal p, Long id) { return true; } }
          @GET("/{key}") @Secured(roles = "user", owner = ById.class) // <-
          String a(@PathParam("key") long key);
        }
        """);
  }

  @Test
  void bw111NoScheme() {
    expect(Rule.BW111, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          @GET @Secured(roles = "user", schemes = {}) // <-
          String a();
        }
        """);
  }

  @Test
  void bw112TwoCallers() {
    expect(Rule.BW112, """
        @HttpApi(value = "/x", roles = Role.class)
        public interface Api {
          @GET @Secured(roles = "user")
          String a(@Caller Principal a, @Caller Principal b); // <-
        }
        """);
  }

  @Test
  void methodDecisionReplacesInterfaceDecision() throws java.io.IOException {
    JavaFileObject source = Compilations.source("test.Api", HEADER + """
        @HttpApi(value = "/x", roles = Role.class)
        @Secured(roles = "admin")
        public interface Api {
          @GET("/open") @Public(reason = "health checks")
          String open();
          @GET("/mine") @Secured(roles = "user")
          String mine();
          @GET("/admin")
          String admin();
        }
        """);
    Compilation compilation = Compilations.compile(source);
    assertThat(compilation).succeeded();
    String routes = compilation.generatedSourceFile("test.Api_Routes").orElseThrow().getCharContent(true).toString();
    assertTrue(routes.contains("ADMIN_ACCESS = new Access(\"Api.admin\", Set.of(Scheme.BEARER), Set.of(\"admin\")"), routes);
    assertTrue(routes.contains("MINE_ACCESS = new Access(\"Api.mine\", Set.of(Scheme.BEARER), Set.of(\"user\")"), routes);
    assertTrue(!routes.contains("OPEN_ACCESS") && !routes.contains("security.require(call, OPEN"), routes);
  }

  private static String expect(Rule rule, String body) {
    return RuleAssertions.expect(rule, HEADER + body, COVERED);
  }

  @AfterAll
  static void everyAccessRuleHasANegativeTest() {
    RuleAssertions.assertFamilyCovered("BW1", COVERED, Set.of());
  }
}
