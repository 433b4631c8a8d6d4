package io.voicehooks.examples;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request headers are not complete within the header timeout, counted
 * from the moment it opened or, on a kept-alive connection, from the end of the previous response.
 *
 * <p>Jetty's idle timeout alone lets a client that sends one byte every few seconds keep a
 * connection forever; this is the deadline that such a client cannot stretch. A waiting connection
 * holds no thread, only one scheduled task. Thread-safe.
 */
final class HeaderTimeouts implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeouts.class);

  private final Scheduler scheduler;
  private final long timeoutNanos;
  private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();

  HeaderTimeouts(Scheduler scheduler, Duration timeout) {
    this.scheduler = scheduler;
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void onOpened(Connection connection) {
    Watch watch = new Watch(connection);
    watches.put(connection, watch);
    watch.arm();
  }

  @Override
  public void onClosed(Connection connection) {
    Watch watch = watches.remove(connection);
    if (watch != null) {
      watch.disarm();
    }
  }

  /** The headers of a request on this connection are complete: stop its clock. */
  void requestStarted(@Nullable Connection connection) {
    Watch watch = connection == null ? null : watches.get(connection);
    if (watch != null) {
      watch.disarm();
    }
  }

  /** The response is complete and the connection may carry another request: restart its clock. */
  void requestFinished(@Nullable Connection connection) {
    Watch watch = connection == null ? null : watches.get(connection);
    if (watch != null && connection.getEndPoint().isOpen()) {
      watch.arm();
    }
  }

  /** {@return how many connections are open} */
  int open() {
    return watches.size();
  }

  private final class Watch {
    private final Connection connection;
    private long generation; // guarded by this: tells a stale timer from the current one
    private Scheduler.@Nullable Task task; // guarded by this

    Watch(Connection connection) {
      this.connection = connection;
    }

    synchronized void arm() {
      if (task != null) {
        task.cancel();
      }
      long armed = ++generation;
      task = scheduler.schedule(() -> expire(armed), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    synchronized void disarm() {
      generation++;
      if (task != null) {
        task.cancel();
        task = null;
      }
    }

    private void expire(long armed) {
      synchronized (this) {
        if (armed != generation) {
          return; // a request arrived (or the clock restarted) after this timer was set
        }
        task = null;
      }
      LOG.debug("Closing a connection whose request headers took longer than the header timeout");
      connection.getEndPoint().close();
    }
  }
}
