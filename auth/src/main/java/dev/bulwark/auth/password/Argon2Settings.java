package dev.bulwark.auth.password;

/**
 * Argon2id cost parameters, checked against OWASP's Password Storage Cheat Sheet when built.
 *
 * <p>OWASP lists five equivalent minimum configurations (m = 47 MiB, t = 1; 19 MiB, 2; 12 MiB, 3; 9 MiB, 4;
 * 7 MiB, 5; all with p = 1). Settings are accepted when they are at least as strong as one of them in both
 * memory and iterations. Upper bounds keep a single hash from exhausting the server.
 *
 * @param memoryKiB memory cost in KiB ({@code m})
 * @param iterations time cost ({@code t})
 * @param parallelism lanes ({@code p}), 1 to 16
 * @param saltBytes salt length, 16 to 64 bytes
 * @param hashBytes output length, 16 to 64 bytes
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism, int saltBytes, int hashBytes) {

  // {memory KiB, iterations}: OWASP Password Storage Cheat Sheet, Argon2id section.
  // Declared before OWASP_DEFAULT, whose construction reads it.
  private static final int[][] OWASP_MINIMUMS = {
    {47 * 1024, 1}, {19 * 1024, 2}, {12 * 1024, 3}, {9 * 1024, 4}, {7 * 1024, 5}
  };

  /** OWASP's second configuration (m = 19 MiB, t = 2, p = 1), a 16-byte salt and a 32-byte hash. */
  public static final Argon2Settings OWASP_DEFAULT = new Argon2Settings(19 * 1024, 2, 1, 16, 32);

  /** The most memory a hash may use: 1 GiB. */
  public static final int MAX_MEMORY_KIB = 1024 * 1024;

  /** The most iterations a hash may use. */
  public static final int MAX_ITERATIONS = 64;

  /** The most lanes a hash may use. */
  public static final int MAX_PARALLELISM = 16;

  /** Fails fast, with a message that says what to change, on settings weaker than OWASP's minimums. */
  public Argon2Settings {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("Argon2 parallelism must be between 1 and " + MAX_PARALLELISM
          + " (was " + parallelism + ")");
    }
    if (memoryKiB > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("Argon2 memory must be at most " + MAX_MEMORY_KIB
          + " KiB and iterations at most " + MAX_ITERATIONS + " (was m=" + memoryKiB + ", t=" + iterations + ")");
    }
    if (!meetsOwaspMinimum(memoryKiB, iterations)) {
      throw new IllegalArgumentException("Argon2 settings m=" + memoryKiB + " KiB, t=" + iterations
          + " are weaker than OWASP's minimum; use at least m=19456 KiB with t=2 (or m=47104 with t=1,"
          + " m=12288 with t=3, m=9216 with t=4, m=7168 with t=5)");
    }
    if (saltBytes < 16 || saltBytes > 64) {
      throw new IllegalArgumentException("Argon2 salt must be 16 to 64 bytes (was " + saltBytes + ")");
    }
    if (hashBytes < 16 || hashBytes > 64) {
      throw new IllegalArgumentException("Argon2 hash length must be 16 to 64 bytes (was " + hashBytes + ")");
    }
  }

  private static boolean meetsOwaspMinimum(int memoryKiB, int iterations) {
    for (int[] minimum : OWASP_MINIMUMS) {
      if (memoryKiB >= minimum[0] && iterations >= minimum[1]) {
        return true;
      }
    }
    return false;
  }
}
