package dev.bulwark.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;

/**
 * The shared per-class fixture: a test class of the suite starts the sample once per {@link Config} it uses (on
 * first use) and stops them all after its last test, so each class has fresh servers and its own rate-limit budget.
 * (Plain {@code @ParameterizedTest} methods rather than {@code @ParameterizedClass}: surefire reports the latter
 * as zero tests, which {@code .ci/run} counts as a module that ran nothing.)
 */
abstract class SuiteBase {
  private static final Map<Config, SampleUnderTest> RUNNING = new ConcurrentHashMap<>();

  /** The sample for {@code config}, started on first use in this class. */
  static SampleUnderTest app(Config config) {
    return RUNNING.computeIfAbsent(config, SampleUnderTest::start);
  }

  @AfterAll
  static void stopSamples() throws java.io.IOException {
    RUNNING.values().forEach(SampleUnderTest::close);
    RUNNING.clear();
    Oracle.assertLogHoldsNoSecret();
    System.out.println("security-tests: the oracle has checked " + Oracle.checked() + " responses in this JVM");
  }
}
