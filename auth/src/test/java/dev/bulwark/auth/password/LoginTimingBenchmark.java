package dev.bulwark.auth.password;

import dev.bulwark.auth.AuthenticationException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Compares, by hand, how long a login takes for an unknown account and for a wrong password. Not a unit test
 * (timing on a shared machine is noise); run it with
 * {@code mvn -q -f auth/pom.xml test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.bulwark.auth.password.LoginTimingBenchmark}. The two medians should differ by a few
 * percent at most.
 */
public final class LoginTimingBenchmark {

  private record User(String hash) {}

  private LoginTimingBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    PasswordHasher hasher = PasswordHasher.argon2id();
    LoginVerifier logins = LoginVerifier.create(hasher);
    User user = new User(hasher.hash("vivid-otter-carries-lanterns"));
    long[] unknown = new long[rounds];
    long[] wrong = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      unknown[i] = time(() -> logins.verify(Optional.<User>empty(), User::hash, "guess-" + System.nanoTime()));
      wrong[i] = time(() -> logins.verify(Optional.of(user), User::hash, "guess-" + System.nanoTime()));
    }
    System.out.printf("median unknown account %.2f ms, wrong password %.2f ms, dummy checks %d%n",
        median(unknown) / 1e6, median(wrong) / 1e6, logins.dummyVerifications());
  }

  private interface Attempt {
    void run() throws AuthenticationException;
  }

  private static long time(Attempt attempt) {
    long start = System.nanoTime();
    try {
      attempt.run();
    } catch (AuthenticationException expected) {
      // Both paths end here; only the time matters.
    }
    return System.nanoTime() - start;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
