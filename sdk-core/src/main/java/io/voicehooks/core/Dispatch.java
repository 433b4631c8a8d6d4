package io.voicehooks.core;

import io.voicehooks.core.WebhookResponse.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link WebhookHandler} does with a delivery it has read, in one of three modes chosen at
 * {@link WebhookHandler.Builder#build()}: {@link SynchronousDispatch}, {@link AsynchronousDispatch}
 * or {@link DurableDispatch}. The part every mode shares is here, written once: verify, parse, and
 * turn each failure into the answer it deserves; a mode decides what becomes of the parsed event.
 *
 * @param <E> the provider's event type
 */
abstract class Dispatch<E extends WebhookEvent> {
  /** Under the handler's name: users configure one logger for all modes. */
  static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  static final WebhookResponse ACCEPTED = WebhookResponse.ok(Outcome.ACCEPTED, "accepted");
  static final WebhookResponse DUPLICATE = WebhookResponse.ok(Outcome.DUPLICATE, "duplicate");
  private static final WebhookResponse VERIFIER_DOWN =
      WebhookResponse.error(Outcome.UNAVAILABLE, "Verification unavailable; retry later");

  private final WebhookParser<E> parser;
  private final SignatureVerifier verifier;

  /**
   * Creates the shared part of a mode.
   *
   * @param parser the provider's parser
   * @param verifier the check run before parsing; one that accepts everything when none was set
   */
  Dispatch(WebhookParser<E> parser, SignatureVerifier verifier) {
    this.parser = parser;
    this.verifier = verifier;
  }

  /**
   * Verifies, parses and dispatches one delivery whose size was checked.
   *
   * @param request the delivery
   * @return the answer for the sender
   */
  final WebhookResponse run(WebhookRequest request) {
    try {
      verifier.verify(request);
    } catch (WebhookVerificationException e) {
      if (e.reason() == WebhookVerificationException.Reason.MISSING_TARGET) {
        // Not the sender's fault: the adapter is wired wrong, and refuses every delivery.
        LOG.warn("Rejected delivery: {}", e.getMessage());
      } else {
        LOG.debug("Rejected delivery: {}", e.getMessage());
      }
      return WebhookResponse.error(Outcome.UNAUTHORIZED, e.getMessage());
    } catch (RuntimeException e) {
      // A verifier that cannot decide (its secret store is down) must not answer "bad input".
      LOG.error("Verifier failed with an unexpected {}", e.getClass().getName());
      return VERIFIER_DOWN;
    }
    E event;
    try {
      event = parser.parse(request);
    } catch (WebhookVerificationException e) {
      LOG.debug("Rejected delivery: {}", e.getMessage());
      return WebhookResponse.error(Outcome.UNAUTHORIZED, e.getMessage());
    } catch (PayloadTooLargeException e) {
      return tooLarge(e.limit());
    } catch (WebhookException e) {
      LOG.debug("Rejected delivery: {}", e.getMessage());
      return WebhookResponse.error(Outcome.INVALID, e.getMessage());
    } catch (RuntimeException e) {
      // A parser bug must not become a 5xx storm of retries for one odd delivery.
      LOG.error("Parser failed with an unexpected {}", e.getClass().getName());
      return WebhookResponse.error(Outcome.INVALID, "The delivery could not be read");
    }
    return dispatch(event, request);
  }

  /**
   * Dispatches one verified, parsed event.
   *
   * @param event the event
   * @param request the delivery it was parsed from
   * @return the answer for the sender
   */
  abstract WebhookResponse dispatch(E event, WebhookRequest request);

  /** {@return how many accepted events wait for or run in the background; 0 by default} */
  int backlog() {
    return 0;
  }

  static WebhookResponse tooLarge(long limit) {
    LOG.debug("Rejected delivery: body over {} bytes", limit);
    return WebhookResponse.error(
        Outcome.TOO_LARGE, "Body exceeds the limit of " + limit + " bytes");
  }

  /** A value of this delivery the store refuses: every retry would fail alike, so 400. */
  static WebhookResponse unstorable(WebhookException e) {
    LOG.warn("Rejected delivery: {}", e.getMessage());
    return WebhookResponse.error(Outcome.INVALID, e.getMessage());
  }

  /**
   * Names an event for a log line: its type when the SDK models it, the word {@code unknown}
   * otherwise (an unmodelled type is text from the sender).
   */
  static String describe(WebhookEvent event) {
    return event instanceof UnknownEvent ? "unknown" : event.eventType();
  }
}
