package dev.bulwark.benchmarks;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.Principal;
import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.auth.jwt.JwtVerifier;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying one access token: Bulwark's {@link JwtVerifier} (what generated handlers call) against java-jwt used
 * directly with the same claim checks ({@link HandWrittenTokenCheck}). Both see a valid token of the same size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenBenchmark {
  @Param({"HS256", "RS256", "ES256"})
  public String alg;

  private String token;
  private JwtVerifier bulwark;
  private HandWrittenTokenCheck byHand;

  @Setup(Level.Trial)
  public void setUp() throws AuthenticationException {
    BenchKeys keys = BenchKeys.generate(JwsAlgorithm.valueOf(alg));
    token = keys.token("u42", Duration.ofHours(1));
    bulwark = keys.verifier();
    byHand = new HandWrittenTokenCheck(keys.javaJwtAlgorithm());
    // Both must accept the token and see the same caller, or the comparison measures different work.
    Principal p = bulwark.verify(token);
    HandWrittenTokenCheck.Caller c = byHand.verify(token);
    if (c == null || !p.id().equals(c.subject()) || !p.hasRole("user") || !c.roles().contains("user")) {
      throw new IllegalStateException("verifiers disagree: " + p + " / " + c);
    }
  }

  @Benchmark
  public Principal bulwark() throws AuthenticationException {
    return bulwark.verify(token);
  }

  @Benchmark
  public HandWrittenTokenCheck.Caller javaJwtByHand() {
    return byHand.verify(token);
  }
}
