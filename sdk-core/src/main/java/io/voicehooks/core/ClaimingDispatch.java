package io.voicehooks.core;

import io.voicehooks.core.IdempotencyStore.Claim;
import io.voicehooks.core.WebhookResponse.Outcome;
import io.voicehooks.core.internal.Failures;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The modes that run the listener themselves, synchronous and asynchronous: each event's key is
 * claimed in the {@link IdempotencyStore} first, a duplicate is answered without the listener, and
 * a claimed event goes to {@link #dispatchClaimed}, which completes or releases the claim.
 *
 * @param <E> the provider's event type
 */
abstract class ClaimingDispatch<E extends WebhookEvent> extends Dispatch<E> {
  private static final WebhookResponse IN_PROGRESS =
      WebhookResponse.error(Outcome.IN_PROGRESS, "The same event is being processed; retry later");
  private static final WebhookResponse STORE_DOWN =
      WebhookResponse.error(Outcome.UNAVAILABLE, "Idempotency store unavailable; retry later");

  final Consumer<? super E> listener;
  private final IdempotencyStore store;
  private final Duration processingTimeout;

  ClaimingDispatch(
      WebhookParser<E> parser,
      SignatureVerifier verifier,
      Consumer<? super E> listener,
      IdempotencyStore store,
      Duration processingTimeout) {
    super(parser, verifier);
    this.listener = listener;
    this.store = store;
    this.processingTimeout = processingTimeout;
  }

  @Override
  final WebhookResponse dispatch(E event, WebhookRequest request) {
    Claim claim;
    try {
      claim = store.claim(event.idempotencyKey(), processingTimeout);
    } catch (WebhookException e) {
      return unstorable(e);
    } catch (RuntimeException e) {
      LOG.error("Idempotency store failed to claim a '{}' event", describe(event), e);
      return STORE_DOWN;
    }
    switch (claim.status()) {
      case COMPLETED:
        return DUPLICATE;
      case IN_PROGRESS:
        return IN_PROGRESS;
      default:
        return dispatchClaimed(event, claim);
    }
  }

  /**
   * Runs the listener on an event whose key this delivery claimed, or has it run.
   *
   * @param event the event
   * @param claim the claim to complete or release
   * @return the answer for the sender
   */
  abstract WebhookResponse dispatchClaimed(E event, Claim claim);

  /**
   * Completes the claim of a processed event. Whatever the store throws is logged, never taken for
   * the listener's failure: the key then stays claimed until its lease ends, and a retry meanwhile
   * gets 409 (safe), where a release would let it be processed twice.
   */
  final void complete(E event, Claim claim) {
    try {
      store.complete(claim);
    } catch (RuntimeException | Error e) {
      LOG.error("Idempotency store failed to complete a '{}' event", describe(event), e);
      Failures.rethrowIfFatal(e);
    }
  }

  final void release(E event, Claim claim) {
    try {
      store.release(claim);
    } catch (RuntimeException | Error e) {
      LOG.error("Idempotency store failed to release a '{}' event", describe(event), e);
      Failures.rethrowIfFatal(e);
    }
  }
}
