package io.voicehooks.core;

import io.voicehooks.core.IdempotencyStore.Claim;
import io.voicehooks.core.WebhookResponse.Outcome;
import io.voicehooks.core.internal.Failures;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Synchronous mode, the default: the listener runs on the thread that handles the delivery, and the
 * answer says how it went: 200 once the key is completed, 500 (the key released for the retry) when
 * the listener throws.
 *
 * @param <E> the provider's event type
 */
final class SynchronousDispatch<E extends WebhookEvent> extends ClaimingDispatch<E> {
  private static final WebhookResponse PROCESSED = WebhookResponse.ok(Outcome.PROCESSED, "ok");
  private static final WebhookResponse LISTENER_FAILED =
      WebhookResponse.error(Outcome.LISTENER_FAILED, "Processing failed; retry later");

  SynchronousDispatch(
      WebhookParser<E> parser,
      SignatureVerifier verifier,
      Consumer<? super E> listener,
      IdempotencyStore store,
      Duration processingTimeout) {
    super(parser, verifier, listener, store, processingTimeout);
  }

  @Override
  WebhookResponse dispatchClaimed(E event, Claim claim) {
    try {
      listener.accept(event);
    } catch (RuntimeException | Error e) {
      release(event, claim);
      LOG.warn("Listener failed on a '{}' event; its key was released", describe(event), e);
      Failures.rethrowIfFatal(e);
      return LISTENER_FAILED;
    }
    complete(event, claim);
    return PROCESSED;
  }
}
