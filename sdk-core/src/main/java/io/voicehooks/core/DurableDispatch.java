package io.voicehooks.core;

import io.voicehooks.core.WebhookResponse.Outcome;

/**
 * Durable mode: each event is stored in an {@link Inbox} before 200 is answered, and the inbox's
 * workers call the listener; the inbox de-duplicates by itself.
 *
 * @param <E> the provider's event type
 */
final class DurableDispatch<E extends WebhookEvent> extends Dispatch<E> {
  private static final WebhookResponse INBOX_DOWN =
      WebhookResponse.error(Outcome.UNAVAILABLE, "Inbox unavailable; retry later");

  private final Inbox<? super E> inbox;

  DurableDispatch(WebhookParser<E> parser, SignatureVerifier verifier, Inbox<? super E> inbox) {
    super(parser, verifier);
    this.inbox = inbox;
  }

  @Override
  WebhookResponse dispatch(E event, WebhookRequest request) {
    try {
      return inbox.offer(event, request) ? ACCEPTED : DUPLICATE;
    } catch (WebhookException e) {
      return unstorable(e);
    } catch (RuntimeException e) {
      LOG.error("Inbox failed to store a '{}' event", describe(event), e);
      return INBOX_DOWN;
    }
  }
}
