package io.voicehooks.core;

import io.voicehooks.core.IdempotencyStore.Claim;
import io.voicehooks.core.WebhookResponse.Outcome;
import io.voicehooks.core.internal.Failures;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Asynchronous mode: a claimed event is queued for the executor and 200 is answered at once. At
 * most {@code maxPending} events wait for or run in the executor; past that, and when the executor
 * refuses, 503 with the key released. A failure in the background is logged and passed to the error
 * callback, since the sender has already seen 200.
 *
 * @param <E> the provider's event type
 */
final class AsynchronousDispatch<E extends WebhookEvent> extends ClaimingDispatch<E> {
  private static final WebhookResponse QUEUE_FULL =
      WebhookResponse.error(Outcome.UNAVAILABLE, "Too many deliveries pending; retry later");

  private final Executor executor;
  private final int maxPending;
  private final Semaphore permits;
  private final BiConsumer<? super E, ? super Throwable> onError;
  private final Runnable onFinished;

  /**
   * Creates the mode.
   *
   * @param onError receives a background failure after the key was released
   * @param onFinished told each time a background event is done, so a shutdown can stop waiting
   */
  AsynchronousDispatch(
      WebhookParser<E> parser,
      SignatureVerifier verifier,
      Consumer<? super E> listener,
      IdempotencyStore store,
      Duration processingTimeout,
      Executor executor,
      int maxPending,
      BiConsumer<? super E, ? super Throwable> onError,
      Runnable onFinished) {
    super(parser, verifier, listener, store, processingTimeout);
    this.executor = executor;
    this.maxPending = maxPending;
    this.permits = new Semaphore(maxPending);
    this.onError = onError;
    this.onFinished = onFinished;
  }

  @Override
  int backlog() {
    return maxPending - permits.availablePermits();
  }

  @Override
  WebhookResponse dispatchClaimed(E event, Claim claim) {
    if (!permits.tryAcquire()) {
      release(event, claim);
      return QUEUE_FULL;
    }
    try {
      executor.execute(() -> runInBackground(event, claim));
    } catch (RuntimeException | Error e) {
      // Rejected, or failing otherwise (shut down, misconfigured, out of threads: an
      // OutOfMemoryError "unable to create native thread"): never leak the permit or leave the
      // key claimed for the whole lease.
      finished();
      release(event, claim);
      if (!(e instanceof RejectedExecutionException)) {
        LOG.error("Executor refused a '{}' event", describe(event), e);
      }
      Failures.rethrowIfFatal(e);
      return QUEUE_FULL;
    }
    return ACCEPTED;
  }

  private void runInBackground(E event, Claim claim) {
    try {
      try {
        listener.accept(event);
      } catch (RuntimeException | Error e) {
        release(event, claim);
        LOG.warn("Listener failed on a '{}' event in the background", describe(event), e);
        reportError(event, e);
        Failures.rethrowIfFatal(e);
        return;
      }
      // Outside the listener's try: a store failing to complete must never release the key of
      // an event that was processed, nor report it as failed.
      complete(event, claim);
    } finally {
      finished();
    }
  }

  private void reportError(E event, Throwable failure) {
    try {
      onError.accept(event, failure);
    } catch (RuntimeException e) {
      LOG.warn("The error callback itself failed", e);
    }
  }

  private void finished() {
    permits.release();
    onFinished.run();
  }
}
