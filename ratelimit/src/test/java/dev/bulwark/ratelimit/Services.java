package dev.bulwark.ratelimit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/** Skip-or-fail rules for real services, and a concurrent driver. */
final class Services {

  private Services() {}

  static boolean required() {
    return "1".equals(System.getenv("BULWARK_REQUIRE_SERVICES"));
  }

  /** Skips the test (or fails it under BULWARK_REQUIRE_SERVICES=1) when nothing listens on the port. */
  static void requireListening(String what, int port) {
    if (!listening(port)) {
      unavailable(what + " is not reachable at 127.0.0.1:" + port);
    }
  }

  static Path requireRedisServer() {
    Path binary = Path.of("/usr/bin/redis-server");
    if (!Files.isExecutable(binary)) {
      unavailable("redis-server is not installed at " + binary);
    }
    return binary;
  }

  static void unavailable(String message) {
    if (required()) {
      fail(message + " and BULWARK_REQUIRE_SERVICES=1");
    }
    Assumptions.abort(message + "; skipped (set BULWARK_REQUIRE_SERVICES=1 to fail instead)");
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
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
