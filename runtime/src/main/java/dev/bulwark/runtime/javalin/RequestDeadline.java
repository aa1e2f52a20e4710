package dev.bulwark.runtime.javalin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Jetty's answer to the JDK's {@code maxReqTime}: Jetty has only an idle timeout, which every byte resets, so a client
 * that trickles its headers (slowloris) or its body (slow POST) one byte at a time would hold a connection forever.
 * This watches every HTTP/1.1 connection of a connector and closes one whose request (head or body) has been in
 * progress for longer than the request timeout. A request's head and its body are timed separately, so a request
 * may take up to twice the timeout in all.
 */
final class RequestDeadline extends AbstractLifeCycle implements Connection.Listener {
  private final long timeoutNanos;
  private final long tickMillis;
  private final Scheduler scheduler;
  private final Map<HttpConnection, Progress> open = new ConcurrentHashMap<>();
  private volatile Scheduler.Task task;

  RequestDeadline(Scheduler scheduler, long timeoutMillis) {
    this.scheduler = scheduler;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.tickMillis = Math.max(100, Math.min(1000, timeoutMillis / 4));
  }

  @Override
  protected void doStart() {
    task = scheduler.schedule(this::sweep, tickMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doStop() {
    Scheduler.Task t = task;
    if (t != null) {
      t.cancel();
    }
    open.clear();
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      open.put(http, new Progress());
    }
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  private void sweep() {
    long now = System.nanoTime();
    try {
      for (Map.Entry<HttpConnection, Progress> e : open.entrySet()) {
        HttpConnection connection = e.getKey();
        HttpParser parser = connection.getParser();
        HttpParser.State state = parser.getState();
        boolean reading = state.ordinal() > HttpParser.State.START.ordinal() && state.ordinal() < HttpParser.State.END.ordinal();
        Progress progress = e.getValue();
        if (!reading) {
          progress.since = -1;
          continue;
        }
        // A new phase (head to body) or a new request on the connection starts a new deadline.
        boolean inBody = parser.inContentState();
        long messages = connection.getMessagesIn();
        if (progress.since < 0 || progress.messages != messages || progress.inBody != inBody) {
          progress.since = now;
          progress.messages = messages;
          progress.inBody = inBody;
        } else if (now - progress.since > timeoutNanos) {
          open.remove(connection);
          connection.getEndPoint().close();
        }
      }
    } finally {
      if (isRunning()) {
        task = scheduler.schedule(this::sweep, tickMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Where one connection's current request stood at the last sweep. */
  private static final class Progress {
    volatile long since = -1;
    volatile long messages;
    volatile boolean inBody;
  }
}
