package dev.bulwark.benchmarks;

import dev.bulwark.runtime.validation.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating the five-field {@link Signup} with the generated validator, with the same checks written by hand, and
 * with Hibernate Validator (the reference implementation, reflective), on a valid value and on one that breaks every
 * field. Each call collects every violation, as a request would. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ValidationBenchmark {
  private static final int INVALID_VIOLATIONS = 6;

  // Fields, not constants, so the JIT cannot fold the inputs.
  private Signup valid;
  private Signup invalid;
  private ValidatorFactory factory;
  private Validator hibernate;

  @Setup(Level.Trial)
  public void setUp() {
    valid = new Signup("Ann Example", "ann@example.com", 34, List.of("java", "security", "http"), "FR");
    invalid = new Signup("   ", "not an address", 7, List.of("ok", " "), "fra");
    factory = Validation.byDefaultProvider().configure().buildValidatorFactory();
    hibernate = factory.getValidator();
    // The three must agree, or the comparison measures different work.
    check(0, generated(valid), handWritten(valid), hibernate.validate(valid));
    check(INVALID_VIOLATIONS, generated(invalid), handWritten(invalid), hibernate.validate(invalid));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    factory.close();
  }

  private static Violations generated(Signup value) {
    Violations violations = new Violations();
    Signup_Validator.validate(value, violations, "body");
    return violations;
  }

  private static Violations handWritten(Signup value) {
    Violations violations = new Violations();
    HandWrittenSignupValidator.validate(value, violations, "body");
    return violations;
  }

  private static void check(int expected, Violations generated, Violations handWritten,
      Set<ConstraintViolation<Signup>> hibernate) {
    int g = count(generated);
    int h = count(handWritten);
    if (g != expected || h != expected || hibernate.size() != expected) {
      throw new IllegalStateException("validators disagree: expected " + expected + " violations, generated " + g
          + ", by hand " + h + ", Hibernate " + hibernate.size() + " " + hibernate);
    }
  }

  private static int count(Violations violations) {
    try {
      violations.throwIfAny();
      return 0;
    } catch (dev.bulwark.runtime.http.HttpProblem problem) {
      return problem.errors().size();
    }
  }

  @Benchmark
  public Violations validGenerated() {
    return generated(valid);
  }

  @Benchmark
  public Violations validHandWritten() {
    return handWritten(valid);
  }

  @Benchmark
  public Set<ConstraintViolation<Signup>> validHibernate() {
    return hibernate.validate(valid);
  }

  @Benchmark
  public Violations invalidGenerated() {
    return generated(invalid);
  }

  @Benchmark
  public Violations invalidHandWritten() {
    return handWritten(invalid);
  }

  @Benchmark
  public Set<ConstraintViolation<Signup>> invalidHibernate() {
    return hibernate.validate(invalid);
  }
}
