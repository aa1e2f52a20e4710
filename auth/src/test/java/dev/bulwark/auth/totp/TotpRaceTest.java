package dev.bulwark.auth.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bulwark.auth.AuthenticationException;
import dev.bulwark.auth.totp.TotpSettings.Algorithm;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** Racing requests with the same code or recovery code: exactly one wins. */
class TotpRaceTest {

  private static final int THREADS = 8;
  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

  private int winners(Callable<Void> attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        results.add(pool.submit(() -> {
          start.await();
          try {
            attempt.call();
            return true;
          } catch (AuthenticationException refused) {
            return false;
          }
        }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get() ? 1 : 0;
      }
      return won;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sameCodeRacedIsAcceptedOnce() throws Exception {
    for (int round = 0; round < 20; round++) {
      TotpAuthenticator totp = TotpAuthenticator.create(new InMemoryTotpStore(), "Bulwark", clock);
      byte[] key = new Base32().decode(totp.enrol("u", "u").secretBase32());
      long step = Math.floorDiv(clock.instant().getEpochSecond(), 30);
      totp.confirm("u", Hotp.code(Algorithm.SHA1, key, step - 1, 6));
      String code = Hotp.code(Algorithm.SHA1, key, step, 6);
      assertEquals(1, winners(() -> {
        totp.verify("u", code);
        return null;
      }));
    }
  }

  @Test
  void sameRecoveryCodeRacedIsAcceptedOnce() throws Exception {
    for (int round = 0; round < 20; round++) {
      TotpAuthenticator totp = TotpAuthenticator.create(new InMemoryTotpStore(), "Bulwark", clock);
      TotpEnrolment e = totp.enrol("u", "u");
      byte[] key = new Base32().decode(e.secretBase32());
      totp.confirm("u", Hotp.code(Algorithm.SHA1, key, Math.floorDiv(clock.instant().getEpochSecond(), 30), 6));
      String recovery = e.recoveryCodes().get(3);
      assertEquals(1, winners(() -> {
        totp.useRecoveryCode("u", recovery);
        return null;
      }));
      assertEquals(9, totp.remainingRecoveryCodes("u"));
    }
  }
}
