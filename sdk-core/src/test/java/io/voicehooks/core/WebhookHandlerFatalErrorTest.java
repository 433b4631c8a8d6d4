package io.voicehooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.TestEvents.TestEvent;
import io.voicehooks.core.WebhookResponse.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The one rule for fatal failures, at each place the handler catches one: the JVM's own errors
 * propagate once the key is cleaned up, and a key is released after a failure and completed after a
 * success, synchronously and in the background.
 */
final class WebhookHandlerFatalErrorTest {
  private final AtomicInteger calls = new AtomicInteger();

  /** The real in-memory store, with a switch that makes complete or release throw. */
  private static final class FailingStore implements IdempotencyStore {
    private final IdempotencyStore memory = IdempotencyStore.inMemory();
    volatile Error onComplete;
    volatile Error onRelease;

    @Override
    public Claim claim(String key, Duration lease) {
      return memory.claim(key, lease);
    }

    @Override
    public void complete(Claim claim) {
      if (onComplete != null) {
        throw onComplete;
      }
      memory.complete(claim);
    }

    @Override
    public void release(Claim claim) {
      memory.release(claim);
      if (onRelease != null) {
        throw onRelease;
      }
    }
  }

  /** Runs each task on the calling thread and keeps what escaped it. */
  private static final class CatchingExecutor implements Executor {
    final List<Throwable> escaped = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void execute(Runnable task) {
      try {
        task.run();
      } catch (Throwable t) {
        escaped.add(t);
      }
    }
  }

  @Test
  void handle_listenerThrowsAFatalError_propagatesItAfterReleasingTheKey() {
    AtomicBoolean fail = new AtomicBoolean(true);
    WebhookHandler handler =
        WebhookHandler.builder(TestEvents.parser())
            .listener(
                event -> {
                  calls.incrementAndGet();
                  if (fail.getAndSet(false)) {
                    throw new OutOfMemoryError("test");
                  }
                })
            .build();
    assertThatThrownBy(() -> handler.handle(TestEvents.ping("a")))
        .isInstanceOf(OutOfMemoryError.class);
    assertThat(handler.handle(TestEvents.ping("a")).outcome()).isEqualTo(Outcome.PROCESSED);
    assertThat(calls).hasValue(2);
  }

  @Test
  void handle_storeThrowsAFatalErrorOnComplete_propagatesIt() {
    FailingStore store = new FailingStore();
    store.onComplete = new OutOfMemoryError("test");
    WebhookHandler handler = builder().idempotencyStore(store).build();
    assertThatThrownBy(() -> handler.handle(TestEvents.ping("a")))
        .isInstanceOf(OutOfMemoryError.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void handle_storeThrowsANonFatalErrorOnComplete_answersProcessed() {
    FailingStore store = new FailingStore();
    store.onComplete = new AssertionError("store bug");
    WebhookHandler handler = builder().idempotencyStore(store).build();
    assertThat(handler.handle(TestEvents.ping("a")).outcome()).isEqualTo(Outcome.PROCESSED);
    assertThat(handler.handle(TestEvents.ping("a")).outcome())
        .as("the key stays claimed until its lease ends")
        .isEqualTo(Outcome.IN_PROGRESS);
  }

  @Test
  void handle_storeThrowsAFatalErrorOnReleaseAfterAListenerFailure_propagatesIt() {
    FailingStore store = new FailingStore();
    store.onRelease = new OutOfMemoryError("test");
    WebhookHandler handler =
        WebhookHandler.builder(TestEvents.parser())
            .listener(
                event -> {
                  throw new IllegalStateException("listener failed");
                })
            .idempotencyStore(store)
            .build();
    assertThatThrownBy(() -> handler.handle(TestEvents.ping("a")))
        .isInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void background_success_completesTheKey() {
    CatchingExecutor executor = new CatchingExecutor();
    WebhookHandler handler = builder().executor(executor).build();
    assertThat(handler.handle(TestEvents.ping("a")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(handler.handle(TestEvents.ping("a")).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(calls).hasValue(1);
    assertThat(executor.escaped).isEmpty();
    assertThat(handler.pending()).isZero();
  }

  @Test
  void background_listenerFailure_releasesTheKeySoTheRetryRuns() {
    CatchingExecutor executor = new CatchingExecutor();
    List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean fail = new AtomicBoolean(true);
    WebhookHandler handler =
        WebhookHandler.builder(TestEvents.parser())
            .listener(
                event -> {
                  calls.incrementAndGet();
                  if (fail.getAndSet(false)) {
                    throw new IllegalStateException("listener failed");
                  }
                })
            .onError((event, failure) -> reported.add(failure))
            .executor(executor)
            .build();
    assertThat(handler.handle(TestEvents.ping("a")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(reported).singleElement().isInstanceOf(IllegalStateException.class);
    assertThat(executor.escaped).as("a listener's failure stays in the handler").isEmpty();
    assertThat(handler.handle(TestEvents.ping("a")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(calls).hasValue(2);
    assertThat(handler.pending()).isZero();
  }

  @Test
  void background_listenerThrowsAFatalError_reportsItThenLetsItEscapeTheTask() {
    CatchingExecutor executor = new CatchingExecutor();
    List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
    WebhookHandler handler =
        WebhookHandler.builder(TestEvents.parser())
            .listener(
                event -> {
                  throw new OutOfMemoryError("test");
                })
            .onError((event, failure) -> reported.add(failure))
            .executor(executor)
            .build();
    assertThat(handler.handle(TestEvents.ping("a")).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(reported).singleElement().isInstanceOf(OutOfMemoryError.class);
    assertThat(executor.escaped).singleElement().isInstanceOf(OutOfMemoryError.class);
    assertThat(handler.pending()).as("the permit came back").isZero();
  }

  private WebhookHandler.Builder<TestEvent> builder() {
    return WebhookHandler.builder(TestEvents.parser()).listener(event -> calls.incrementAndGet());
  }
}
