package dev.bulwark.benchmarks.load;

import dev.bulwark.auth.jwt.JwsAlgorithm;
import dev.bulwark.benchmarks.BenchKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the load benchmark's keys and tokens: {@code TokenMint <dir> <callers>} writes {@code keys-<alg>.properties}
 * and {@code tokens-<alg>.txt} (one access token per line, callers u0 to u(n-1), role {@code user}, valid for 24
 * hours) for HS256, RS256 and ES256. Every server variant reads the keys; wrk sends the tokens in turn.
 */
public final class TokenMint {
  private TokenMint() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int callers = Integer.parseInt(args[1]);
    for (JwsAlgorithm alg : List.of(JwsAlgorithm.HS256, JwsAlgorithm.RS256, JwsAlgorithm.ES256)) {
      BenchKeys keys = BenchKeys.generate(alg);
      keys.write(dir);
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        tokens.add(keys.token("u" + i, Duration.ofHours(24)));
      }
      Files.write(dir.resolve("tokens-" + alg + ".txt"), tokens, StandardCharsets.US_ASCII);
    }
  }
}
