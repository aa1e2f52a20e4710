package dev.bulwark.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.runtime.http.HttpProblem;
import dev.bulwark.runtime.json.Json;
import dev.bulwark.runtime.json.JsonBodyReader;
import dev.bulwark.runtime.json.JsonBodyWriter;
import dev.bulwark.runtime.validation.Violations;
import dev.bulwark.sample.AuthApi;
import dev.bulwark.sample.AuthApi_Login_Validator;
import dev.bulwark.sample.AuthApi_RefreshRequest_Validator;
import dev.bulwark.sample.AuthApi_Register_Validator;
import dev.bulwark.sample.NewPost;
import dev.bulwark.sample.NewPost_Validator;
import dev.bulwark.sample.PostsApi;
import dev.bulwark.sample.PostsApi_NewComment_Validator;
import dev.bulwark.sample.UsersApi;
import dev.bulwark.sample.UsersApi_MfaCode_Validator;
import dev.bulwark.sample.UsersApi_NewApiKey_Validator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Arbitrary bytes through what the sample's generated routes do with each of its seven JSON body types: strict
 * binding ({@code Json.reader}), the generated validator, sanitizing, and validating the cleaned value again. The
 * first input byte picks the type. Properties:
 *
 * <ul>
 *   <li>the only exception a client can cause is an {@link HttpProblem} with status 400;
 *   <li>every field a 400 names is a path through the type's declared components ({@code body.title},
 *       {@code body.scopes[2]}, {@code body.*} for a name that is not an identifier): a problem never repeats a
 *       property name or value the client made up;
 *   <li>validation is a pure function of the value, and sanitizing is idempotent;
 *   <li>a value that passed is written back by the strict writer and read again to an equal value (the
 *       reader and writer agree, so what was checked is what the implementation gets).
 * </ul>
 */
final class SampleBodyFuzzTest {
  private static final List<BodyType<?>> TYPES = List.of(
      new BodyType<>(NewPost.class, NewPost_Validator::validate, NewPost_Validator::sanitize),
      new BodyType<>(PostsApi.NewComment.class, PostsApi_NewComment_Validator::validate,
          PostsApi_NewComment_Validator::sanitize),
      new BodyType<>(AuthApi.Register.class, AuthApi_Register_Validator::validate, AuthApi_Register_Validator::sanitize),
      new BodyType<>(AuthApi.Login.class, AuthApi_Login_Validator::validate, AuthApi_Login_Validator::sanitize),
      new BodyType<>(AuthApi.RefreshRequest.class, AuthApi_RefreshRequest_Validator::validate,
          AuthApi_RefreshRequest_Validator::sanitize),
      new BodyType<>(UsersApi.MfaCode.class, UsersApi_MfaCode_Validator::validate, UsersApi_MfaCode_Validator::sanitize),
      new BodyType<>(UsersApi.NewApiKey.class, UsersApi_NewApiKey_Validator::validate,
          UsersApi_NewApiKey_Validator::sanitize));

  @FuzzTest(maxDuration = "30s")
  void bindValidateSanitize(FuzzedDataProvider data) {
    BodyType<?> type = TYPES.get(data.consumeInt(0, TYPES.size() - 1));
    byte[] body = data.consumeRemainingAsBytes();
    try {
      type.run(body);
    } catch (HttpProblem problem) {
      assertEquals(400, problem.status(), () -> type.name() + ": a client's bytes caused a " + problem.status());
      assertFalse(problem.errors().isEmpty(), "a 400 that names no field");
      for (HttpProblem.FieldError error : problem.errors()) {
        assertTrue(type.fieldPath().matcher(error.field()).matches(),
            () -> type.name() + ": a problem names a field that is not declared: " + error.field());
      }
    }
  }

  /** One body type, its generated validator and sanitizer, and the field paths a problem about it may name. */
  private record BodyType<T>(Class<T> type, JsonBodyReader<T> reader, JsonBodyWriter<T> writer,
      BiConsumer<T, Violations> validator, UnaryOperator<T> sanitizer, Pattern fieldPath) {

    interface Validate<T> {
      void validate(T value, Violations violations, String path);
    }

    BodyType(Class<T> type, Validate<T> validate, UnaryOperator<T> sanitize) {
      this(type, Json.reader(type), Json.writer(type), (v, violations) -> validate.validate(v, violations, "body"),
          sanitize, FieldPaths.forBody(type));
    }

    String name() {
      return type.getSimpleName();
    }

    /** Exactly the steps and order of a generated handler (see the sample's PostsApi_Routes.handleUpdate). */
    void run(byte[] body) {
      T value = reader.read(body);
      Violations violations = new Violations();
      validator.accept(value, violations);
      violations.throwIfAny();

      Violations again = new Violations();
      validator.accept(value, again);
      assertTrue(again.isEmpty(), () -> name() + ": a value that passed validation failed it the second time");

      T clean = sanitizer.apply(value);
      assertEquals(clean, sanitizer.apply(clean), () -> name() + ": sanitizing is not idempotent");
      Violations cleaned = new Violations();
      validator.accept(clean, cleaned);
      cleaned.throwIfAny(); // cleaning may lengthen text past its bound: a 400, as the routes answer it

      // What passed is what the writer writes and the strict reader reads back: no field lost, none reinterpreted.
      T reread = reader.read(writer.write(clean));
      assertEquals(clean, reread, () -> name() + ": the checked value does not survive a write and a strict read");
    }
  }
}
