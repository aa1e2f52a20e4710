package dev.bulwark.auth.token.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One Lettuce connection with bounded waits, connected on first use and again after a failed first attempt
 * (at most once per connect timeout, so an outage costs callers one failed attempt, not a queue of them).
 * Every Lettuce failure leaves as a {@link TokenStoreUnavailableException}.
 */
final class RedisLink implements AutoCloseable {

  private static final String NAME = "Redis";

  private final ClientResources resources;
  private final RedisClient client;
  private final long retryNanos;
  private volatile StatefulRedisConnection<String, String> connection;
  private long nextAttemptNanos = System.nanoTime();

  RedisLink(RedisURI uri, Duration connectTimeout, Duration commandTimeout) {
    this.retryNanos = connectTimeout.toNanos();
    uri.setTimeout(commandTimeout);
    // Two small pools: a token store sends one short command or script per request.
    this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        // While Lettuce reconnects, fail at once instead of queueing until the command timeout.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .autoReconnect(true)
        .build());
  }

  /** Runs {@code call} on the connection; any Redis failure becomes a {@link TokenStoreUnavailableException}. */
  <T> T call(String operation, Function<RedisCommands<String, String>, T> call) {
    try {
      return call.apply(commands(operation));
    } catch (RedisException e) {
      throw new TokenStoreUnavailableException(NAME, operation, e);
    }
  }

  /** EVALSHA, loading the script with EVAL when Redis does not have it (a restart, SCRIPT FLUSH). */
  <T> T script(String operation, RedisScript script, ScriptOutputType type, String[] keys, String... args) {
    return call(operation, c -> {
      try {
        return c.evalsha(script.sha1(), type, keys, args);
      } catch (RedisNoScriptException e) {
        return c.eval(script.text(), type, keys, args);
      }
    });
  }

  private RedisCommands<String, String> commands(String operation) {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null) {
      current = connect(operation);
    }
    return current.sync();
  }

  private synchronized StatefulRedisConnection<String, String> connect(String operation) {
    if (connection != null) {
      return connection;
    }
    if (System.nanoTime() - nextAttemptNanos < 0) {
      throw new TokenStoreUnavailableException(NAME, operation, new IllegalStateException("not connected yet"));
    }
    try {
      connection = client.connect();
      return connection;
    } catch (RedisException e) {
      nextAttemptNanos = System.nanoTime() + retryNanos;
      throw new TokenStoreUnavailableException(NAME, operation, e);
    }
  }

  @Override
  public synchronized void close() {
    StatefulRedisConnection<String, String> current = connection;
    connection = null;
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
