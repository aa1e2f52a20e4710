package dev.bulwark.auth.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bulwark.auth.totp.TotpSettings.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published test vectors of RFC 4226 (Appendix D) and RFC 6238 (Appendix B). */
class HotpVectorsTest {

  private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEED64 =
      "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "RFC 4226 counter {0}")
  @CsvSource({
      "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
      "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"
  })
  void rfc4226(long counter, String expected) {
    assertEquals(expected, Hotp.code(Algorithm.SHA1, SEED20, counter, 6));
  }

  @ParameterizedTest(name = "RFC 6238 {1} at {0}")
  @CsvSource({
      "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
      "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
      "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
      "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
      "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
      "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826"
  })
  void rfc6238(long epochSecond, Algorithm algorithm, String expected) {
    TotpSettings settings = new TotpSettings(algorithm, 8, Duration.ofSeconds(30), 1);
    byte[] seed = switch (algorithm) {
      case SHA1 -> SEED20;
      case SHA256 -> SEED32;
      case SHA512 -> SEED64;
    };
    assertEquals(expected, Hotp.code(algorithm, seed, settings.stepAt(epochSecond), 8));
  }
}
