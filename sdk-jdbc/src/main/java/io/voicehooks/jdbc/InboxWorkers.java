package io.voicehooks.jdbc;

import io.voicehooks.core.internal.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox's worker threads in this process: each runs the task (take one due row) again and
 * again, and when no row was due waits its poll interval, or until a new row wakes it. {@link
 * #stop} lets each finish the row in hand, then interrupts it.
 */
final class InboxWorkers {
  /** Logged under the inbox's name, where users look for it. */
  private static final Logger LOG = LoggerFactory.getLogger(JdbcInbox.class);

  private final String table;
  private final int count;
  private final long pollMillis;
  private final Object wakeUp = new Object();

  /** Wake-ups no worker has taken yet, at most {@link #count}; guarded by {@link #wakeUp}. */
  private int pendingWakeUps;

  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;
  private volatile boolean stopping;

  InboxWorkers(String table, int count, Duration pollInterval) {
    this.table = table;
    this.count = count;
    this.pollMillis = Sql.millis(pollInterval);
  }

  /** {@return how many threads {@link #start} runs} */
  int count() {
    return count;
  }

  /**
   * Starts the threads, unless they run; each calls {@code task} until {@link #stop}.
   *
   * @param task takes one due row; false when none was due
   */
  synchronized void start(BooleanSupplier task) {
    if (running) {
      return;
    }
    running = true;
    stopping = false;
    for (int i = 0; i < count; i++) {
      Thread worker = new Thread(() -> work(task), "voicehooks-inbox-" + table + "-" + i);
      worker.setDaemon(true);
      threads.add(worker);
      worker.start();
    }
  }

  private void work(BooleanSupplier task) {
    long failures = 0;
    while (running) {
      boolean worked;
      try {
        worked = task.getAsBoolean();
        failures = 0;
      } catch (RuntimeException | Error e) {
        // Whatever happens to one row, the worker lives on: a dead worker would leave the inbox
        // filling up behind answers of 200.
        worked = false;
        if (running && failures++ % 100 == 0) {
          LOG.error("Inbox worker failed to read or update {}", table, e);
        }
      }
      if (!worked && running) {
        synchronized (wakeUp) {
          try {
            if (pendingWakeUps == 0) {
              TimeUnit.MILLISECONDS.timedWait(wakeUp, pollMillis);
            }
            if (pendingWakeUps > 0) {
              pendingWakeUps--;
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /**
   * Wakes one idle worker of this process for a row that is due now. When none is waiting, the
   * wake-up is kept for the next worker that finds no row, so it looks again at once rather than
   * after its poll interval (a row written just after a worker's look-up and before its wait would
   * otherwise wait a whole interval). At most one is kept per worker.
   */
  void wakeOne() {
    synchronized (wakeUp) {
      pendingWakeUps = Math.min(count, pendingWakeUps + 1);
      wakeUp.notify();
    }
  }

  /**
   * {@return true while {@link #stop} is stopping the threads}: a failure then, as the stop
   * interrupts a worker, is the stop's doing, not the row's.
   */
  boolean isStopping() {
    return stopping;
  }

  /**
   * Stops the threads, letting each finish the row in hand for up to {@code timeout}; a thread
   * still busy then is interrupted.
   */
  synchronized void stop(Duration timeout) {
    running = false;
    stopping = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    long deadline = System.nanoTime() + Durations.saturatedNanos(timeout);
    for (Thread worker : threads) {
      try {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left > 0) {
          worker.join(left);
        }
        if (worker.isAlive()) {
          worker.interrupt();
          worker.join(1_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    threads.clear();
    stopping = false;
  }
}
