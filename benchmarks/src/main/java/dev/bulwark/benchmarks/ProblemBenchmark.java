package dev.bulwark.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.http.Problems;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a 400 problem body with two field errors: {@code Problems.body} (what every Bulwark error goes through)
 * against the same RFC 9457 document written with a Jackson {@code ObjectWriter} over records, as a team would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProblemBenchmark {
  /** The problem document, written by Jackson. */
  public record Problem(String type, String title, int status, String requestId, List<FieldError> errors) {}

  /** One field at fault. */
  public record FieldError(String field, String message) {}

  private List<HttpProblem.FieldError> errors;
  private Problem problem;
  private String requestId;
  private ObjectWriter jackson;

  @Setup(Level.Trial)
  public void setUp() throws JsonProcessingException {
    requestId = "0f8e4c1a-7b2d-4d6e-9a3f-5c1b2e8d7a60";
    errors = List.of(new HttpProblem.FieldError("body.email", "must be a well-formed email address"),
        new HttpProblem.FieldError("body.age", "must be greater than or equal to 13"));
    problem = new Problem("about:blank", "Bad Request", 400, requestId,
        List.of(new FieldError("body.email", "must be a well-formed email address"),
            new FieldError("body.age", "must be greater than or equal to 13")));
    jackson = new ObjectMapper().writerFor(Problem.class);
    String a = new String(Problems.body(400, requestId, errors), StandardCharsets.UTF_8);
    String b = jackson.writeValueAsString(problem);
    if (!a.equals(b)) {
      throw new IllegalStateException("writers disagree:\n" + a + "\n" + b);
    }
  }

  @Benchmark
  public byte[] bulwark() {
    return Problems.body(400, requestId, errors);
  }

  @Benchmark
  public byte[] jacksonByHand() throws JsonProcessingException {
    // The record is built per request, as a handler would from its violations.
    return jackson.writeValueAsBytes(new Problem("about:blank", "Bad Request", 400, requestId,
        List.of(new FieldError(errors.get(0).field(), errors.get(0).message()),
            new FieldError(errors.get(1).field(), errors.get(1).message()))));
  }
}
