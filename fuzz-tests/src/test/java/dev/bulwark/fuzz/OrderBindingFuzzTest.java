package dev.bulwark.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.json.Json;
import dev.bulwark.runtime.json.JsonBodyReader;
import dev.bulwark.runtime.validation.Violations;
import java.util.Objects;

/**
 * Arbitrary bytes through what a generated route does with a JSON body: strict binding, the generated validator,
 * sanitizing, and validating the cleaned value again. The only failure a client may ever cause is an
 * {@link HttpProblem} with a 4xx status; anything else escaping (a 500 in production) fails the test.
 *
 * <p>{@code mvn verify} replays the seeds in {@code src/test/resources/dev/bulwark/fuzz/OrderBindingFuzzTestInputs/}
 * only; {@code JAZZER_FUZZ=1} fuzzes (see docs/validation.md).
 */
final class OrderBindingFuzzTest {
  private static final JsonBodyReader<Order> READER = Json.reader(Order.class);

  @FuzzTest(maxDuration = "30s")
  void bindValidateSanitize(byte[] body) {
    try {
      run(body);
    } catch (HttpProblem problem) {
      assertTrue(problem.status() >= 400 && problem.status() < 500,
          "a client's bytes caused a " + problem.status() + ": " + problem.logDetail());
    }
    // Any other exception or error propagates and fails the test (Jazzer records the input as a finding).
  }

  /** Exactly the steps and order of a generated handler (see the golden PostsApi_Routes.handleCreate). */
  private static void run(byte[] body) {
    Order order = READER.read(body);
    Violations violations = new Violations();
    Order_Validator.validate(order, violations, "body");
    if (!violations.isEmpty()) {
      violations.throwIfAny();
    }

    // Validation is a pure function of the value: the same value passes again.
    Violations again = new Violations();
    Order_Validator.validate(order, again, "body");
    assertTrue(again.isEmpty(), "a value that passed validation failed it the second time");

    Order clean = Order_Validator.sanitize(order);
    // Sanitizing touches the @Sanitize component only.
    assertEquals(order.title(), clean.title());
    assertEquals(order.quantity(), clean.quantity());
    assertEquals(order.email(), clean.email());
    assertEquals(order.tags(), clean.tags());
    assertEquals(order.shipTo(), clean.shipTo());
    // Basic HTML is idempotent: cleaning the cleaned note changes nothing (the REJECT mode relies on it).
    assertEquals(clean.note(), Order_Validator.sanitize(clean).note(), "sanitizing is not idempotent");

    Violations cleaned = new Violations();
    Order_Validator.validate(clean, cleaned, "body");
    if (!cleaned.isEmpty()) {
      // Escaping may lengthen the note past its bound (a '<' becomes "&lt;"): the routes answer that with a 400,
      // and it may only ever concern the cleaned component, never one that passed and was left alone.
      HttpProblem problem = assertThrowsProblem(cleaned);
      assertFalse(problem.errors().isEmpty());
      for (HttpProblem.FieldError error : problem.errors()) {
        assertEquals("body.note", error.field(), "re-validation after sanitizing failed on a component it left alone");
      }
      assertTrue(Objects.requireNonNull(clean.note()).length() > 500, "the cleaned note failed a check other than its bound");
      throw problem;
    }
  }

  private static HttpProblem assertThrowsProblem(Violations violations) {
    try {
      violations.throwIfAny();
    } catch (HttpProblem problem) {
      return problem;
    }
    throw new AssertionError("violations were recorded but throwIfAny did not throw");
  }
}
