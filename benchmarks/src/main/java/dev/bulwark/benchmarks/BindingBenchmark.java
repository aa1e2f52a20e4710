package dev.bulwark.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.runtime.json.Json;
import dev.bulwark.runtime.json.JsonBodyReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Binding the five-field {@link Signup} JSON body: Bulwark's strict reader ({@code Json.reader}: unknown properties,
 * duplicate keys and coercion refused, size and depth limits) against a plain Jackson {@code ObjectMapper} reader
 * with unknown properties refused (Jackson's default) and duplicate keys refused, as a careful team would set it up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BindingBenchmark {
  /** The body every load variant posts. */
  public static final String BODY =
      "{\"name\":\"Ann Example\",\"email\":\"ann@example.com\",\"age\":34,\"tags\":[\"java\",\"security\",\"http\"],"
          + "\"country\":\"FR\"}";

  private byte[] body;
  private JsonBodyReader<Signup> bulwark;
  private ObjectReader jackson;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    body = BODY.getBytes(StandardCharsets.UTF_8);
    bulwark = Json.reader(Signup.class);
    ObjectMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    jackson = mapper.readerFor(Signup.class);
    if (!bulwark.read(body).equals(jackson.readValue(body))) {
      throw new IllegalStateException("readers disagree");
    }
  }

  @Benchmark
  public Signup bulwark() {
    return bulwark.read(body);
  }

  @Benchmark
  public Signup jacksonByHand() throws IOException {
    return jackson.readValue(body);
  }
}
