package dev.bulwark.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import io.github.bucket4j.redis.lettuce.RedisApi;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce connection with bounded waits everywhere, connected lazily and again after failures.
 *
 * <p>Lettuce reconnects an established connection by itself. What it does not do is retry a first connection
 * that failed (Redis down when the server starts), so that is done here: an asynchronous attempt at most every
 * {@code retryInterval}, started by whichever request notices, which never waits for it. Until then every
 * command fails at once and the limits' failure policies answer.
 */
final class RedisConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI uri;
  private final long retryIntervalNanos;
  private final AtomicReference<StatefulRedisConnection<byte[], byte[]>> connection = new AtomicReference<>();
  private final AtomicBoolean connecting = new AtomicBoolean();
  private final AtomicLong nextAttemptNanos = new AtomicLong(System.nanoTime());
  private volatile boolean closed;

  RedisConnection(RedisURI uri, Duration connectTimeout, Duration commandTimeout, Duration retryInterval) {
    this.uri = uri;
    this.retryIntervalNanos = retryInterval.toNanos();
    uri.setTimeout(commandTimeout);
    // Small pools: the limiter sends one short script per request; the defaults size pools to the core count.
    this.resources = DefaultClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), retryInterval, 2, java.util.concurrent.TimeUnit.MILLISECONDS))
        .build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        // While reconnecting, fail commands at once instead of queueing them until their timeout: a request
        // thread then waits microseconds, not the command timeout, for the failure policy to answer.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .autoReconnect(true)
        .requestQueueSize(10_000)
        .build());
  }

  /** Starts the first connection attempt and waits for it up to the connect timeout; never throws. */
  boolean connectNow() {
    try {
      connection.set(client.connect(ByteArrayCodec.INSTANCE, uri));
      return true;
    } catch (RuntimeException e) {
      nextAttemptNanos.set(System.nanoTime() + retryIntervalNanos);
      LOG.warn("rate-limit store: first connection failed, reason={}; retrying in the background",
          StoreFailureReason.UNREACHABLE);
      LOG.debug("rate-limit store: first connection failed", e);
      return false;
    }
  }

  boolean isConnected() {
    StatefulRedisConnection<byte[], byte[]> current = connection.get();
    return current != null && current.isOpen();
  }

  private RedisAsyncCommands<byte[], byte[]> commands() {
    StatefulRedisConnection<byte[], byte[]> current = connection.get();
    if (current != null) {
      return current.async();
    }
    maybeReconnect();
    throw new RedisConnectionException("not connected");
  }

  private void maybeReconnect() {
    if (closed || System.nanoTime() - nextAttemptNanos.get() < 0 || !connecting.compareAndSet(false, true)) {
      return;
    }
    nextAttemptNanos.set(System.nanoTime() + retryIntervalNanos);
    client.connectAsync(ByteArrayCodec.INSTANCE, uri).whenComplete((conn, error) -> {
      connecting.set(false);
      if (error != null) {
        LOG.debug("rate-limit store: reconnection attempt failed", error);
      } else if (closed) {
        conn.closeAsync();
      } else {
        connection.set(conn);
        LOG.info("rate-limit store: connected");
      }
    });
  }

  /** The commands Bucket4j's proxy manager sends, always through the current connection. */
  RedisApi<byte[]> api() {
    return new Forwarding<>(this::commands);
  }

  /**
   * Generic on purpose: Bucket4j passes keys as an {@code Object[]} cast to {@code K[]}, so a class bound to
   * {@code byte[]} would get a bridge method that casts the array and fails.
   */
  private static final class Forwarding<K> implements RedisApi<K> {
    private final Supplier<RedisAsyncCommands<K, byte[]>> commands;

    Forwarding(Supplier<RedisAsyncCommands<K, byte[]>> commands) {
      this.commands = commands;
    }

    @Override
    public <V> RedisFuture<V> eval(String script, ScriptOutputType type, K[] keys, byte[][] params) {
      return commands.get().eval(script, type, keys, params);
    }

    @Override
    public RedisFuture<byte[]> get(K key) {
      return commands.get().get(key);
    }

    @Override
    @SuppressWarnings("unchecked") // a one-key varargs array of K; Lettuce only reads it
    public RedisFuture<?> delete(K key) {
      return commands.get().del(key);
    }
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<byte[], byte[]> current = connection.getAndSet(null);
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
  }
}
