package dev.bulwark.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} on a free loopback port, for tests that stop Redis under a running server and
 * start it again. Nothing is saved to disk. Skips (or fails, under {@code BULWARK_REQUIRE_SERVICES=1}) when
 * {@code redis-server} is not installed.
 */
public final class RedisProcess implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/redis-server");

  private final int port;
  private Process process;

  private RedisProcess(int port) {
    this.port = port;
  }

  /** Starts one on a free port and waits until it accepts connections. */
  public static RedisProcess start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      Services.unavailable("redis-server is not installed at " + BINARY);
    }
    RedisProcess redis = new RedisProcess(Services.freePort());
    redis.startAgain();
    return redis;
  }

  /** The port it listens on, the same after a restart. */
  public int port() {
    return port;
  }

  /** Its URI, {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts it again on the same port after {@link #stop()}. */
  public void startAgain() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      return;
    }
    process = new ProcessBuilder(List.of(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Services.listening(port)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        process.destroyForcibly();
        fail("private redis-server did not start on port " + port);
      }
      Thread.sleep(20);
    }
  }

  /** Stops it (SIGTERM, then SIGKILL after 10 s) and waits until it has exited. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Freezes it (SIGSTOP): connections stay open and nothing answers, as with a hung server. */
  public void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Resumes it after {@link #freeze()} (SIGCONT). */
  public void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      fail("kill -" + name + " failed for redis-server " + process.pid());
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
