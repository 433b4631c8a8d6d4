package io.voicehooks.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns one delivery into a typed event: verifies it where the provider signs, checks limits, and
 * maps the JSON to the provider's records.
 *
 * <p>Usable from any server without the {@link WebhookHandler}:
 *
 * <pre>{@code
 * AgniEvent event = parser.parse(WebhookRequest.of(headers, rawBody));
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe; build one and share it.
 *
 * @param <E> the provider's event type
 */
@FunctionalInterface
public interface WebhookParser<E extends WebhookEvent> {
  /**
   * Parses one delivery.
   *
   * @param request the delivery as received
   * @return the typed event; an unrecognised event type gives the provider's unknown event, never
   *     an exception
   * @throws WebhookVerificationException if the delivery fails the provider's authenticity check
   * @throws PayloadTooLargeException if the body is over the size limit
   * @throws WebhookParseException if the body is not valid JSON, not an object, or lacks an
   *     identity field
   */
  E parse(WebhookRequest request);

  /**
   * Returns a parser for deliveries that passed this parser's checks when they were received and
   * were stored since, such as the rows of a durable {@link Inbox}. Checks that depend on the time
   * of receipt (a signature's timestamp tolerance) would fail on re-reading, so parsers that make
   * them return a variant without them; all others return themselves, as this default does.
   *
   * @return a parser for stored, already verified deliveries
   */
  default WebhookParser<E> forStoredDeliveries() {
    return this;
  }

  /**
   * Returns the largest body this parser accepts, in bytes: the one body-size setting. A {@link
   * WebhookHandler} reads no more of a request stream than this and answers 413 past it, before
   * verifying or parsing. Parsers with {@link JsonLimits} return their {@link
   * JsonLimits#maxBodyBytes()}; this default returns that of {@link JsonLimits#defaults()}.
   *
   * @return the limit in bytes, at least 1
   */
  default int maxBodyBytes() {
    return JsonLimits.defaults().maxBodyBytes();
  }

  /**
   * Parses a body received without headers.
   *
   * @param body the raw body bytes
   * @return the typed event
   * @throws WebhookException as {@link #parse(WebhookRequest)} does
   */
  default E parse(byte[] body) {
    return parse(WebhookRequest.of(body));
  }

  /**
   * Parses a body given as text, encoded as UTF-8. Prefer the raw bytes where a signature is
   * checked: a string that was decoded and re-encoded may no longer match.
   *
   * @param body the body text
   * @return the typed event
   * @throws WebhookException as {@link #parse(WebhookRequest)} does
   */
  default E parse(String body) {
    Objects.requireNonNull(body, "body == null");
    return parse(body.getBytes(StandardCharsets.UTF_8));
  }
}
