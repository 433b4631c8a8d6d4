package io.voicehooks.core;

/**
 * Stores accepted deliveries durably before they are acknowledged, for a {@link WebhookHandler} in
 * durable mode: the handler verifies and parses a delivery, offers it here, and answers 200 only
 * once it is stored; the inbox's own workers then dispatch it. An acknowledged event therefore
 * survives a crash or restart of the receiver.
 *
 * <p>{@code io.voicehooks.jdbc.JdbcInbox} implements it on PostgreSQL. Implementations are
 * thread-safe, and {@link #offer} is atomic per idempotency key across every replica that shares
 * the inbox.
 *
 * @param <E> the provider's event type, which the inbox's workers re-read stored deliveries as
 */
public interface Inbox<E extends WebhookEvent> {
  /**
   * Stores one verified, parsed delivery, unless one with the same idempotency key is stored.
   *
   * @param event the parsed event, which gives the key and the type
   * @param request the delivery as received, whose raw body is stored
   * @return true if the delivery was stored now; false if its key was already stored (a duplicate)
   * @throws WebhookException if the inbox cannot store this delivery, whatever the retry (a value
   *     it cannot hold); the handler answers 400
   * @throws RuntimeException if the inbox is unavailable; the handler answers 503
   */
  boolean offer(E event, WebhookRequest request);
}
