package dev.bulwark.auth.jwt;

import static dev.bulwark.auth.jwt.AttackTokensTest.AUD;
import static dev.bulwark.auth.jwt.AttackTokensTest.CLOCK;
import static dev.bulwark.auth.jwt.AttackTokensTest.HS;
import static dev.bulwark.auth.jwt.AttackTokensTest.ISS;
import static dev.bulwark.auth.jwt.AttackTokensTest.header;
import static dev.bulwark.auth.jwt.TestKeys.signRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bulwark.auth.AuthenticationException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever arrives, verify() answers with an AuthenticationException, never an unchecked exception. */
class HostileInputTest {

  final JwtVerifier verifier = JwtVerifier.builder(KeySet.of(HS)).issuer(ISS).audience(AUD).clock(CLOCK).build();

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "9223372036854775807", "-9223372036854775808", "1.7e308",
      "1e400", "-1", "1796000000.5", "true", "null", "[1]", "{}"})
  void oddExpValuesAreRejectedCleanly(String exp) {
    String claims = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"sub\":\"u\",\"exp\":" + exp + "}";
    String token = signRaw(HS, header("HS256", "hs-1"), claims);
    // A far-future exp is refused too: java-jwt cannot turn it into an Instant, so it is malformed.
    assertThrows(AuthenticationException.class, () -> verifier.verify(token));
  }

  @Test
  void farFutureExpIsNeitherACrashNorATokenThatNeverExpires() {
    String claims = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"sub\":\"u\",\"exp\":9223372036854775807}";
    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> verifier.verify(signRaw(HS, header("HS256", "hs-1"), claims)));
    assertEquals(AuthenticationException.Reason.MALFORMED, e.reason());
  }

  @Test
  void randomMutationsOfAValidTokenNeverEscapeAsUncheckedExceptions() {
    String claims = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"sub\":\"u\",\"exp\":"
        + (CLOCK.instant().getEpochSecond() + 60) + "}";
    String token = signRaw(HS, header("HS256", "hs-1"), claims);
    String alphabet = "ABCxyz019-_.=+/ {}\"\\\u0000\u00e9";
    Random random = new Random(42);
    int accepted = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder s = new StringBuilder(token);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(s.length());
        switch (random.nextInt(3)) {
          case 0 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> s.deleteCharAt(at);
          default -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      if (s.toString().equals(token)) {
        continue; // the edits undid each other (a delete and the same insert): not a mutation
      }
      try {
        verifier.verify(s.toString());
        accepted++;
      } catch (AuthenticationException expected) {
        // fine
      } catch (RuntimeException e) {
        fail("unchecked " + e.getClass().getSimpleName() + " for a mutated token", e);
      }
    }
    // A mutation that still verifies must have left the signed bytes intact; that can only be the original.
    assertEquals(0, accepted);
  }
}
