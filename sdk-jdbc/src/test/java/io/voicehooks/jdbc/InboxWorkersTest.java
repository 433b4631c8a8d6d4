package io.voicehooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox's worker threads on their own, no database: each task stands in for taking one row. An
 * idle worker's poll interval is an hour here, so a second call can only come from a wake-up.
 */
final class InboxWorkersTest {
  private final String table = Postgres.uniqueTable("workers");
  private final CountDownLatch release = new CountDownLatch(1);
  private InboxWorkers workers = workers(2);

  @AfterEach
  void stopWorkers() {
    release.countDown();
    workers.stop(Duration.ofSeconds(5));
  }

  private InboxWorkers workers(int count) {
    return new InboxWorkers(table, count, Duration.ofHours(1));
  }

  @Test
  void start_runsThatManyDaemonThreads_once() {
    workers.start(blockUntilReleased());
    workers.start(blockUntilReleased());
    List<Thread> threads = threads();
    assertThat(threads)
        .extracting(Thread::getName)
        .containsExactlyInAnyOrder(
            "voicehooks-inbox-" + table + "-0", "voicehooks-inbox-" + table + "-1");
    assertThat(threads).allMatch(Thread::isDaemon, "daemon");
    assertThat(workers.count()).isEqualTo(2);
  }

  @Test
  void idleWorker_waitsItsPollInterval_untilWoken() throws Exception {
    workers = workers(1);
    AtomicInteger calls = new AtomicInteger();
    workers.start(
        () -> {
          calls.incrementAndGet();
          return false;
        });
    waitUntil(() -> calls.get() == 1);
    Thread.sleep(200); // an idle worker that did not wait would have asked many times by now
    assertThat(calls).hasValue(1);
    workers.wakeOne();
    waitUntil(() -> calls.get() == 2);
  }

  @Test
  void idleWorker_withoutWakeUps_looksAgainOncePerPollInterval() throws Exception {
    workers = new InboxWorkers(table, 1, Duration.ofMillis(100));
    AtomicInteger calls = new AtomicInteger();
    workers.start(
        () -> {
          calls.incrementAndGet();
          return false;
        });
    waitUntil(() -> calls.get() >= 2); // the interval ran out, and it looked again
    Thread.sleep(500);
    // About five more looks; a worker that stopped waiting after its first timeout would have
    // made thousands.
    assertThat(calls.get()).isLessThan(50);
  }

  @Test
  void wakeUpBeforeTheWorkerWaits_isKept_notLostForAPollInterval() throws Exception {
    workers = workers(1);
    AtomicInteger calls = new AtomicInteger();
    workers.start(
        () -> {
          if (calls.incrementAndGet() == 1) {
            workers.wakeOne(); // a row written while this worker still looks: nobody waits yet
          }
          return false;
        });
    waitUntil(() -> calls.get() == 2);
    Thread.sleep(200); // one kept wake-up is one more look, not a loop
    assertThat(calls).hasValue(2);
  }

  @Test
  void wakeUpsWhileEveryWorkerIsBusy_areKeptOnlyOncePerWorker() throws Exception {
    workers = workers(1);
    AtomicInteger calls = new AtomicInteger();
    workers.start(
        () -> {
          if (calls.incrementAndGet() == 1) {
            for (int i = 0; i < 5; i++) {
              workers.wakeOne(); // a burst of new rows while the only worker is busy
            }
          }
          return false;
        });
    waitUntil(() -> calls.get() == 2);
    Thread.sleep(200);
    assertThat(calls).as("five wake-ups, one worker: one more look").hasValue(2);
  }

  @Test
  void busyWorker_takesTheNextRowAtOnce_andOutlivesAFailingOne() throws Exception {
    workers = workers(1);
    AtomicInteger calls = new AtomicInteger();
    workers.start(
        () -> {
          int call = calls.incrementAndGet();
          if (call == 3) {
            throw new IllegalStateException("database down");
          }
          return call < 3;
        });
    waitUntil(() -> calls.get() == 3);
    workers.wakeOne(); // a failure is waited out like an idle poll
    waitUntil(() -> calls.get() == 4);
  }

  @Test
  void stop_letsTheRowInHandFinishWithinTheTimeout() throws Exception {
    workers = workers(1);
    CountDownLatch inTask = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean stoppingSeen = new AtomicBoolean();
    workers.start(
        () -> {
          inTask.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            interrupted.set(true);
          }
          stoppingSeen.set(workers.isStopping());
          return true;
        });
    assertThat(inTask.await(10, TimeUnit.SECONDS)).isTrue();
    Thread finisher =
        new Thread(
            () -> {
              sleep(200);
              release.countDown();
            });
    finisher.start();
    workers.stop(Duration.ofSeconds(30));
    assertThat(interrupted).as("finished, not interrupted").isFalse();
    assertThat(release.getCount()).as("stop waited for it").isZero();
    assertThat(stoppingSeen).as("the row saw the stop").isTrue();
    assertThat(workers.isStopping()).isFalse();
    assertThat(threads()).isEmpty();
  }

  @Test
  void stop_interruptsARowStillInHandAtTheTimeout() throws Exception {
    workers = workers(1);
    CountDownLatch inTask = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    workers.start(
        () -> {
          inTask.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.set(true);
          }
          return true;
        });
    assertThat(inTask.await(10, TimeUnit.SECONDS)).isTrue();
    workers.stop(Duration.ZERO);
    assertThat(interrupted).isTrue();
    assertThat(threads()).isEmpty();
  }

  @Test
  void stop_whenItsCallerIsInterrupted_returnsAndKeepsTheInterrupt() {
    workers.start(blockUntilReleased());
    Thread.currentThread().interrupt();
    workers.stop(Duration.ofSeconds(30));
    assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
  }

  private BooleanSupplier blockUntilReleased() {
    return () -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true;
    };
  }

  private List<Thread> threads() {
    String prefix = "voicehooks-inbox-" + table + "-";
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(prefix))
        .toList();
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
