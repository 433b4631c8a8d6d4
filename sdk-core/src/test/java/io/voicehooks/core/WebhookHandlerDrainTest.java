package io.voicehooks.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicehooks.core.WebhookResponse.Outcome;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How shutdown waits: woken by the last delivery in hand, and cut short by an interrupt. */
final class WebhookHandlerDrainTest {
  private static final Duration LONG_WAIT = Duration.ofMinutes(10);

  @Test
  void shutdown_synchronousDeliveryFinishingWhileItWaits_wakesItAtOnce() throws Exception {
    CountDownLatch inListener = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WebhookHandler handler =
        WebhookHandler.builder(TestEvents.parser())
            .listener(
                event -> {
                  inListener.countDown();
                  await(release);
                })
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<WebhookResponse> delivery = pool.submit(() -> handler.handle(TestEvents.ping("a")));
      assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Integer> shutdown = pool.submit(() -> handler.shutdown(LONG_WAIT));
      // Once a delivery is refused as unavailable (not as invalid JSON), the handler is closed and
      // shutdown waits, or is about to.
      WebhookRequest probe = WebhookRequest.of(new byte[] {'x'});
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (handler.handle(probe).outcome() != Outcome.UNAVAILABLE) {
        assertThat(System.nanoTime()).as("shutdown started").isLessThan(deadline);
        Thread.sleep(1);
      }
      release.countDown();
      assertThat(delivery.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.PROCESSED);
      // Without the wake-up, shutdown would sleep through its whole ten-minute wait.
      assertThat(shutdown.get(10, TimeUnit.SECONDS)).isZero();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void shutdown_interrupted_returnsWhatIsLeftAndKeepsTheInterrupt() throws Exception {
    CountDownLatch inListener = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      WebhookHandler handler =
          WebhookHandler.builder(TestEvents.parser())
              .listener(
                  event -> {
                    inListener.countDown();
                    await(release);
                  })
              .executor(pool)
              .build();
      assertThat(handler.handle(TestEvents.ping("a")).outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.currentThread().interrupt();
      int left = handler.shutdown(LONG_WAIT);
      assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
      assertThat(left).isEqualTo(1);
    } finally {
      Thread.interrupted();
      release.countDown();
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
