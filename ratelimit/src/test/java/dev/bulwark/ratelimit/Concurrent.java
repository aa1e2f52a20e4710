package dev.bulwark.ratelimit;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A concurrent driver: many calls released together. */
final class Concurrent {

  private Concurrent() {}

  static boolean required() {
    return "1".equals(System.getenv("BULWARK_REQUIRE_SERVICES"));
  }

  /** Runs {@code attempts} calls over {@code threads} threads released together; returns how many said yes. */
  static int admitted(int threads, int attempts, Callable<Boolean> attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger yes = new AtomicInteger();
      Future<?>[] futures = new Future<?>[attempts];
      for (int i = 0; i < attempts; i++) {
        futures[i] = pool.submit(() -> {
          start.await();
          if (attempt.call()) {
            yes.incrementAndGet();
          }
          return null;
        });
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
      return yes.get();
    } finally {
      pool.shutdownNow();
    }
  }
}
